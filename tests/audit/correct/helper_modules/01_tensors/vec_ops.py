"""My vector helpers for chapter 01."""

import torch


def dot(u: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    """Inner product of two 1-D tensors of equal length, from an elementwise product and a sum."""
    if u.shape != v.shape:
        raise ValueError(f"dot needs equal lengths, got {tuple(u.shape)} and {tuple(v.shape)}")
    return (u * v).sum()


def check_inner(a: torch.Tensor, b: torch.Tensor) -> None:
    if a.shape[1] != b.shape[0]:
        raise ValueError(f"a is {tuple(a.shape)} and b is {tuple(b.shape)}: inner sizes differ")
