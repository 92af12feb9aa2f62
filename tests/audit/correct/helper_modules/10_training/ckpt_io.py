"""Checkpoint layout shared by my training scripts."""

import torch

KEYS = ("model", "optimizer", "epoch")


def pack(model, optimizer, epoch):
    return {"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": int(epoch)}


def unpack(checkpoint, model, optimizer):
    missing = [k for k in KEYS if k not in checkpoint]
    if missing:
        raise KeyError(f"checkpoint is missing {missing}")
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    return checkpoint["epoch"]


def read(path):
    return torch.load(path, map_location="cpu", weights_only=True)
