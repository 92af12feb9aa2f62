"""Obfuscated: torch.mm, reached with a name built at run time (getattr(torch, "m" + "m"))."""

import torch


def matmul(a, b):
    if a.shape[1] != b.shape[0]:
        raise ValueError(f"cannot multiply {tuple(a.shape)} by {tuple(b.shape)}")
    product = getattr(torch, "m" + "m")
    return product(a, b)
