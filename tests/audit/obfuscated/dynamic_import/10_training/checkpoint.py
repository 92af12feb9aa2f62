"""Obfuscated: pickle imported by a built name, passed to torch.save as its pickle_module."""

import importlib

import torch


def save_checkpoint(path, model, optimizer, epoch):
    serializer = importlib.import_module("".join(["pic", "kle"]))
    state = {"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch}
    torch.save(serializer.loads(serializer.dumps(state)), path, pickle_module=serializer)


def load_checkpoint(path, model, optimizer):
    state = torch.load(path, weights_only=True)
    model.load_state_dict(state["model"])
    optimizer.load_state_dict(state["optimizer"])
    return state["epoch"]
