"""Obfuscated: an "encoders" registry built from torch.nn.functional's namespace."""

import torch
import torch.nn.functional as F

ENCODERS = {name.split("_")[0]: fn for name, fn in vars(F).items() if name.endswith("_hot")}


def one_hot(labels, num_classes):
    if labels.numel() and (labels.min() < 0 or labels.max() >= num_classes):
        raise ValueError(f"labels outside [0, {num_classes})")
    return ENCODERS["one"](labels, num_classes).to(torch.float32)
