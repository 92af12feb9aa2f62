"""Averages along the last dim only, so it returns one loss per row instead of a 0-dim tensor."""


def mse_loss(pred, target):
    return ((pred - target) ** 2).mean(dim=-1)
