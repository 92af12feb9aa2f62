"""Reference for standardize: torch's own mean and population std, kept dims, then broadcasting."""

import torch


def standardize(x: torch.Tensor, dim: int) -> torch.Tensor:
    mean = x.mean(dim, keepdim=True)
    std = x.std(dim, correction=0, keepdim=True)
    return (x - mean) / (std + 1e-5)
