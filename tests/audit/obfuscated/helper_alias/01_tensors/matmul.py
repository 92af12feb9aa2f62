"""Obfuscated: torch.mm, imported from a helper module that re-exports it as `multiply`."""

from fast_ops import multiply


def matmul(a, b):
    if a.shape[1] != b.shape[0]:
        raise ValueError(f"shapes {tuple(a.shape)} and {tuple(b.shape)} do not line up")
    return multiply(a, b)
