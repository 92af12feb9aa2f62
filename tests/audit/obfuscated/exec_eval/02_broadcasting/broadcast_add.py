"""Obfuscated: torch.broadcast_tensors, inside a string given to eval."""

import torch


def broadcast_add(a, b):
    try:
        x, y = eval("torch.broadcast_tensors(a, b)", {"torch": torch, "a": a, "b": b})
    except RuntimeError as e:
        raise ValueError(f"{tuple(a.shape)} and {tuple(b.shape)} do not broadcast") from e
    return x + y
