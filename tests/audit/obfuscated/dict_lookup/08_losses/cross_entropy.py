"""Obfuscated: F.cross_entropy looked up in the functional module's __dict__."""

import torch.nn.functional as F


def cross_entropy(logits, targets):
    return F.__dict__["cross_entropy"](logits, targets)
