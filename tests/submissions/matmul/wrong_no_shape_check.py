"""Never checks the shapes: loops over a's columns and silently ignores b's extra rows."""

import torch


def matmul(a, b):
    n, k = a.shape
    m = b.shape[1]
    out = torch.zeros(n, m, dtype=a.dtype)
    for i in range(n):
        for j in range(m):
            for p in range(k):
                out[i, j] += a[i, p] * b[p, j]
    return out
