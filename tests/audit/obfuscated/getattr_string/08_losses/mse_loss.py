"""Obfuscated: F.mse_loss through getattr with a built name."""

import torch.nn.functional as F


def mse_loss(pred, target):
    return getattr(F, "mse" + "_loss")(pred, target)
