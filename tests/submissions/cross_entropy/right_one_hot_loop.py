"""Per row in a Python loop, with a one-hot mask to pick the target score; averages with torch.stack."""

import torch


def cross_entropy(logits, targets):
    losses = []
    for row, t in zip(logits, targets, strict=True):
        m = row.max()
        mask = torch.arange(row.shape[0]) == t
        losses.append(m + torch.log(torch.exp(row - m).sum()) - (row * mask).sum())
    return torch.stack(losses).mean()
