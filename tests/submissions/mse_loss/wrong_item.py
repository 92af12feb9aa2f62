"""Right value, but goes through .item() and torch.tensor(...), which cuts the loss off from the graph."""

import torch


def mse_loss(pred, target):
    value = ((pred - target) ** 2).mean().item()
    return torch.tensor(value, dtype=pred.dtype)
