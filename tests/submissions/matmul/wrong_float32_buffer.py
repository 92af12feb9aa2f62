"""Loops into torch.zeros(n, m), whose default dtype is float32, so float64 inputs lose their dtype."""

import torch


def matmul(a, b):
    if a.shape[1] != b.shape[0]:
        raise ValueError(f"shapes {tuple(a.shape)} and {tuple(b.shape)} do not match")
    n, m = a.shape[0], b.shape[1]
    out = torch.zeros(n, m)
    for i in range(n):
        for j in range(m):
            out[i, j] = (a[i] * b[:, j]).sum()
    return out
