"""Adds a '.pt' suffix with string operations: breaks for pathlib.Path (and writes to another file)."""

import torch


def save_checkpoint(path, model, optimizer, epoch):
    if not path.endswith(".pt"):
        path = path + ".pt"
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch}, path)


def load_checkpoint(path, model, optimizer):
    if not path.endswith(".pt"):
        path = path + ".pt"
    checkpoint = torch.load(path, weights_only=True)
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    return checkpoint["epoch"]
