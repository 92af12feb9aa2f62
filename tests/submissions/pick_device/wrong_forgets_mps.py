"""The classic one-liner from the tutorials: cuda or cpu, never mps."""

import torch


def pick_device(prefer=None):
    if prefer not in (None, "cpu", "cuda", "mps"):
        raise ValueError(prefer)
    if prefer == "cpu":
        return torch.device("cpu")
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")
