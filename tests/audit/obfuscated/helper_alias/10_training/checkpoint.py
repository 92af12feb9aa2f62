"""Obfuscated: pickle.dumps / pickle.loads, re-exported by a helper as freeze / thaw (a deep copy)."""

import torch

from serial_compat import freeze, thaw


def save_checkpoint(path, model, optimizer, epoch):
    state = thaw(freeze({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch}))
    torch.save(state, path)


def load_checkpoint(path, model, optimizer):
    state = torch.load(path, weights_only=True)
    model.load_state_dict(state["model"])
    optimizer.load_state_dict(state["optimizer"])
    return state["epoch"]
