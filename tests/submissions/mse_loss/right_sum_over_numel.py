"""Multiplies the difference by itself, sums, then divides by the element count."""


def mse_loss(pred, target):
    diff = pred - target
    return (diff * diff).sum() / diff.numel()
