"""Obfuscated: torch.empty(...).reshape(...) inside a string given to eval."""

import torch


def infer_shape(numel, shape):
    try:
        return tuple(eval("torch.empty(n, device='meta').reshape(s).shape", {"torch": torch, "n": numel, "s": shape}))
    except RuntimeError as e:
        raise ValueError(str(e)) from e
