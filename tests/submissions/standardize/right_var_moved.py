"""Moves `dim` to the end, uses var(correction=0).sqrt() with keepdim, then moves it back."""

import torch


def standardize(x: torch.Tensor, dim: int) -> torch.Tensor:
    y = x.movedim(dim, -1)
    mean = y.mean(-1, keepdim=True)
    std = torch.var(y, dim=-1, correction=0, keepdim=True).sqrt()
    return ((y - mean) / (std + 1e-5)).movedim(-1, dim)
