"""Obfuscated: pickle (torch.serialization.pickle via attrgetter) passed to torch.save as its pickle_module,
and pickle.dumps/loads through methodcaller for a deep copy."""

from operator import attrgetter, methodcaller

import torch


def save_checkpoint(path, model, optimizer, epoch):
    pickle_module = attrgetter("serialization.pickle")(torch)
    state = {"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch}
    state = methodcaller("loads", methodcaller("dumps", state)(pickle_module))(pickle_module)
    torch.save(state, path, pickle_module=pickle_module)


def load_checkpoint(path, model, optimizer):
    state = torch.load(path, weights_only=True)
    model.load_state_dict(state["model"])
    optimizer.load_state_dict(state["optimizer"])
    return state["epoch"]
