"""Calls the forbidden torch.nn.functional.one_hot."""

import torch
import torch.nn.functional as F


def one_hot(labels, num_classes):
    if labels.numel() and (labels.min() < 0 or labels.max() >= num_classes):
        raise ValueError(f"labels must lie in [0, {num_classes})")
    return F.one_hot(labels, num_classes).to(torch.float32)
