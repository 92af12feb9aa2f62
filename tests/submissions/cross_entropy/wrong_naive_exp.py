"""Textbook formula without the max shift: exp overflows to inf for large logits."""

import torch


def cross_entropy(logits, targets):
    n = logits.shape[0]
    log_probs = logits - torch.log(torch.exp(logits).sum(dim=1, keepdim=True))
    return -log_probs[torch.arange(n), targets].mean()
