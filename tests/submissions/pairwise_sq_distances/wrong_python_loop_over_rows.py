"""Correct values, but a Python loop over the rows of x: about as slow as the timed check's baseline."""

import torch


def pairwise_sq_distances(x, y):
    rows = [((row - y) ** 2).sum(dim=1) for row in x]
    return torch.stack(rows) if rows else x.new_zeros(len(x), len(y))
