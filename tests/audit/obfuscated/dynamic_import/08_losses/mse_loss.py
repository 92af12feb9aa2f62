"""Obfuscated: torch.nn.modules.loss.MSELoss from a module imported by a built name."""

import importlib

_losses = importlib.import_module("torch.nn.modules." + "loss")


def mse_loss(pred, target):
    return _losses.MSELoss()(pred, target)
