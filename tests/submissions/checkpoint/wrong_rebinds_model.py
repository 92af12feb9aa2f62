"""Assigns the loaded weights to the local name `model` instead of calling model.load_state_dict."""

import torch


def save_checkpoint(path, model, optimizer, epoch):
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch}, path)


def load_checkpoint(path, model, optimizer):
    checkpoint = torch.load(path, weights_only=True)
    model = checkpoint["model"]  # noqa: F841  (the mistake: rebinding a local name)
    optimizer.load_state_dict(checkpoint["optimizer"])
    return checkpoint["epoch"]
