"""Returns the preferred device even when it is not available, and lets torch.device reject bad names."""

import torch


def pick_device(prefer=None):
    if prefer is not None:
        return torch.device(prefer)
    if torch.cuda.is_available():
        return torch.device("cuda")
    if torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")
