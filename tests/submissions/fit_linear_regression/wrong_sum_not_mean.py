"""Descends on the sum of squared errors instead of their mean: steps n times too large."""

import torch


def fit_linear_regression(X, y, epochs=200, lr=0.1):
    w = torch.zeros(X.shape[1], dtype=X.dtype, requires_grad=True)
    b = torch.zeros((), dtype=X.dtype, requires_grad=True)
    for _ in range(epochs):
        loss = ((X @ w + b - y) ** 2).sum()
        loss.backward()
        with torch.no_grad():
            w -= lr * w.grad
            b -= lr * b.grad
            w.grad.zero_()
            b.grad.zero_()
    return w.detach(), b.detach()
