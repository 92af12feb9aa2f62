"""Exercise mse_loss — Mean squared error (seed 001 §6.1)."""

import torch


def mse_loss(pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    return ((pred - target) ** 2).mean()
