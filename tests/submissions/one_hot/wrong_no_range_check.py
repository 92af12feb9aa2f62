"""Skips the range check: -1 silently picks the last class and a too-large label raises IndexError."""

import torch


def one_hot(labels, num_classes):
    return torch.eye(num_classes)[labels]
