"""Obfuscated: F.mse_loss through operator.methodcaller."""

from operator import methodcaller

import torch.nn.functional as F


def mse_loss(pred, target):
    return methodcaller("mse_loss", pred, target)(F)
