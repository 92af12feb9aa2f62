"""Obfuscated: the @ operator, inside a string given to eval."""

import torch


def matmul(a, b):
    if a.shape[1] != b.shape[0]:
        raise ValueError(f"shapes {tuple(a.shape)} and {tuple(b.shape)} do not line up")
    return eval("a @ b", {"torch": torch}, {"a": a, "b": b})
