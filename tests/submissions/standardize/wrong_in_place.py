"""Subtracts and divides in place (sub_/div_), which overwrites the caller's x."""

import torch


def standardize(x: torch.Tensor, dim: int) -> torch.Tensor:
    mean = x.mean(dim, keepdim=True)
    std = x.std(dim, correction=0, keepdim=True)
    return x.sub_(mean).div_(std + 1e-5)
