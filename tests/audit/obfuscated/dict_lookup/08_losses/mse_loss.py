"""Obfuscated: F.mse_loss looked up in vars(torch.nn.functional)."""

import torch.nn.functional as F


def mse_loss(pred, target):
    return vars(F)["mse_loss"](pred, target)
