"""Calls torch.mm through an alias: still a ready-made product."""

from torch import mm as multiply


def matmul(a, b):
    if a.shape[1] != b.shape[0]:
        raise ValueError(f"shapes {tuple(a.shape)} and {tuple(b.shape)} do not match")
    return multiply(a, b)
