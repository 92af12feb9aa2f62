"""Writes through an open file object (os.fspath), with flat keys and an explicit map_location."""

import os

import torch


def save_checkpoint(path, model, optimizer, epoch):
    state = {
        "epoch": int(epoch),
        "model_state": model.state_dict(),
        "optimizer_state": optimizer.state_dict(),
    }
    with open(os.fspath(path), "wb") as f:
        torch.save(state, f)


def load_checkpoint(path, model, optimizer):
    with open(os.fspath(path), "rb") as f:
        state = torch.load(f, map_location="cpu", weights_only=True)
    model.load_state_dict(state["model_state"])
    optimizer.load_state_dict(state["optimizer_state"])
    return int(state["epoch"])
