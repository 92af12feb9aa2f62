"""Walks a matrix column by column (j outer, i inner), so the order is column-major."""

import torch


def select_greater(x, threshold):
    if x.dim() != 2:
        return x[x > threshold]
    picked = [x[i, j] for j in range(x.shape[1]) for i in range(x.shape[0]) if x[i, j] > threshold]
    return torch.stack(picked) if picked else x.new_empty(0)
