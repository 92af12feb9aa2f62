"""Obfuscated: F.nll_loss(F.log_softmax(...)) inside a string given to eval."""

import torch.nn.functional as F


def cross_entropy(logits, targets):
    return eval("F.nll_loss(F.log_softmax(z, dim=1), t)", {"F": F, "z": logits, "t": targets})
