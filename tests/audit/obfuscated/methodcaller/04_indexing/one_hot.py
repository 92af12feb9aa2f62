"""Obfuscated: F.one_hot called on the functional module through operator.methodcaller."""

from operator import methodcaller

import torch
import torch.nn.functional as F


def one_hot(labels, num_classes):
    if labels.numel() and not (0 <= labels.min() and labels.max() < num_classes):
        raise ValueError(f"labels outside [0, {num_classes})")
    return methodcaller("one_hot", labels, num_classes)(F).float()
