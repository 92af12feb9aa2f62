"""Returns the device name as a string instead of a torch.device."""

import torch


def pick_device(prefer=None):
    if prefer not in (None, "cpu", "cuda", "mps"):
        raise ValueError(prefer)
    if prefer == "cpu":
        return "cpu"
    if prefer == "mps" and torch.backends.mps.is_available():
        return "mps"
    if torch.cuda.is_available():
        return "cuda"
    if torch.backends.mps.is_available():
        return "mps"
    return "cpu"
