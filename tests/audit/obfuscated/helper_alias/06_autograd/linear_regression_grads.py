"""Obfuscated: torch.autograd.grad, re-exported by a helper module as `derivative`."""

import torch

from diff_tools import derivative, track


def linear_regression_grads(X, y, w, b):
    w, b = track(w), track(b)
    with torch.enable_grad():
        loss = ((X @ w + b - y) ** 2).mean()
        grad_w, grad_b = derivative(loss, (w, b))
    return grad_w, grad_b
