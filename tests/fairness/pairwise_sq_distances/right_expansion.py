"""The expansion |x|² + |y|² - 2·x·y through torch.addmm (one fused matrix product), clamped at 0."""

import torch


def pairwise_sq_distances(x, y):
    x_sq = (x * x).sum(dim=1, keepdim=True)
    y_sq = (y * y).sum(dim=1).unsqueeze(0)
    return torch.addmm(x_sq + y_sq, x, y.T, alpha=-2).clamp_min(0)
