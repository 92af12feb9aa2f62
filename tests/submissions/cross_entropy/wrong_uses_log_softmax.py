"""Calls the Tensor method log_softmax, which the exercise forbids."""

import torch


def cross_entropy(logits, targets):
    log_probs = logits.log_softmax(dim=1)
    return -log_probs[torch.arange(len(targets)), targets].mean()
