"""Obfuscated: Tensor.log_softmax through operator.methodcaller, then the NLL by indexing."""

from operator import methodcaller

import torch


def cross_entropy(logits, targets):
    log_probs = methodcaller("log_softmax", dim=1)(logits)
    return -log_probs[torch.arange(len(targets)), targets].mean()
