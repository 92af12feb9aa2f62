"""Obfuscated: a loss registry built from torch.nn.functional's namespace (every *_loss function)."""

import torch.nn.functional as F

LOSSES = {name.removesuffix("_loss"): fn for name, fn in vars(F).items() if name.endswith("_loss")}


def mse_loss(pred, target):
    return LOSSES["mse"](pred, target)
