"""Returns cuda with an explicit index (cuda:0), which is a different torch.device from plain cuda."""

import torch


def pick_device(prefer=None):
    if prefer not in (None, "cpu", "cuda", "mps"):
        raise ValueError(prefer)
    if prefer == "cpu":
        return torch.device("cpu")
    if prefer == "mps" and torch.backends.mps.is_available():
        return torch.device("mps")
    if torch.cuda.is_available():
        return torch.device("cuda:0")
    if torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")
