"""Computes mean and population std by hand (sum / n, sqrt of mean squared deviation) with unsqueeze."""

import torch


def standardize(x: torch.Tensor, dim: int) -> torch.Tensor:
    n = x.shape[dim]
    mean = (x.sum(dim) / n).unsqueeze(dim)
    dev = x - mean
    std = ((dev * dev).sum(dim) / n).sqrt().unsqueeze(dim)
    return dev / (std + 1e-5)
