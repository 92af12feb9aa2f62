"""Ignores `prefer` entirely (and so never raises for a bad name)."""

import torch


def pick_device(prefer=None):
    if torch.cuda.is_available():
        return torch.device("cuda")
    if torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")
