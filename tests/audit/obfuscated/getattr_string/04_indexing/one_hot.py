"""Obfuscated: torch.nn.functional.one_hot through getattr with a built name."""

import torch
import torch.nn.functional as F


def one_hot(labels, num_classes):
    if labels.numel() and (labels.min() < 0 or labels.max() >= num_classes):
        raise ValueError(f"labels outside [0, {num_classes})")
    encode = getattr(F, "one" + "_" + "hot")
    return encode(labels, num_classes).to(torch.float32)
