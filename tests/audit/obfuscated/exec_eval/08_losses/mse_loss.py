"""Obfuscated: nn.MSELoss inside a string given to eval."""

import torch


def mse_loss(pred, target):
    return eval("torch.nn.MSELoss()(pred, target)", {"torch": torch, "pred": pred, "target": target})
