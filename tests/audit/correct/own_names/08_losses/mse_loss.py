"""Exercise mse_loss — Mean squared error (seed 001 §6.1).

My own MSELoss module (same name and interface as nn.MSELoss, with reduction), used like the real one.
"""

import torch
from torch import nn


class MSELoss(nn.Module):
    def __init__(self, reduction: str = "mean"):
        super().__init__()
        self.reduction = reduction

    def forward(self, input: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        se = (input - target).pow(2)
        if self.reduction == "mean":
            return se.mean()
        if self.reduction == "sum":
            return se.sum()
        return se


def mse_loss(pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    criterion = MSELoss()
    return criterion(pred, target)
