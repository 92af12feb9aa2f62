"""The matrix-product formula without clamping: rounding makes near-identical points slightly negative."""

import torch


def pairwise_sq_distances(x, y):
    return (x**2).sum(-1, keepdim=True) + (y**2).sum(-1) - 2 * torch.mm(x, y.t())
