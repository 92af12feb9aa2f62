"""Obfuscated: pickle imported and used inside a string given to exec (a deep copy of the state)."""

import torch


def save_checkpoint(path, model, optimizer, epoch):
    env = {"state": {"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch}}
    exec("import pickle\nstate = pickle.loads(pickle.dumps(state))", env)
    torch.save(env["state"], path)


def load_checkpoint(path, model, optimizer):
    state = torch.load(path, weights_only=True)
    model.load_state_dict(state["model"])
    optimizer.load_state_dict(state["optimizer"])
    return state["epoch"]
