"""Filters a Python list and rebuilds a tensor with torch.tensor, which loses x's dtype."""

import torch


def select_greater(x, threshold):
    return torch.tensor([v for v in x.flatten().tolist() if v > threshold])
