"""Ignores dim and standardizes with the mean and std of the whole tensor."""

import torch


def standardize(x: torch.Tensor, dim: int) -> torch.Tensor:
    return (x - x.mean()) / (x.std(correction=0) + 1e-5)
