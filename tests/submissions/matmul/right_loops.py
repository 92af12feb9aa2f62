"""One dot product per output element, written as an elementwise product and a sum, in two loops."""

import torch


def matmul(a, b):
    (n, k), (k2, m) = a.shape, b.shape
    if k != k2:
        raise ValueError(f"inner sizes differ: a is {tuple(a.shape)}, b is {tuple(b.shape)}")
    out = torch.zeros(n, m, dtype=a.dtype)
    for i in range(n):
        for j in range(m):
            out[i, j] = (a[i, :] * b[:, j]).sum()
    return out
