"""Obfuscated: F.one_hot looked up in the functional module's __dict__."""

import torch
import torch.nn.functional as F


def one_hot(labels, num_classes):
    if labels.numel() and (labels.min() < 0 or labels.max() >= num_classes):
        raise ValueError(f"labels outside [0, {num_classes})")
    return F.__dict__["one_hot"](labels, num_classes).to(torch.float32)
