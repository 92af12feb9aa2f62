"""Accumulates the gradient sample by sample in X's dtype, dividing by n at the end."""

import torch


def linear_regression_grads(X, y, w, b):
    n, d = X.shape
    grad_w = torch.zeros(d, dtype=X.dtype)
    grad_b = torch.zeros((), dtype=X.dtype)
    for i in range(n):
        r = (X[i] * w).sum() + b - y[i]
        grad_w = grad_w + 2 * r * X[i]
        grad_b = grad_b + 2 * r
    return grad_w / n, grad_b / n
