"""Exercise mse_loss — Mean squared error (seed 001 §6.1).

A loss layer with forward and backward (the backward is what I would use without autograd).
"""

import torch


class MSELoss:
    def __init__(self):
        self.diff = None

    def forward(self, pred, target):
        self.diff = pred - target
        return (self.diff * self.diff).mean()

    def backward(self, dout=1.0):
        return dout * 2.0 * self.diff / self.diff.numel()

    __call__ = forward


def mse_loss(pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    criterion = MSELoss()
    return criterion(pred, target)
