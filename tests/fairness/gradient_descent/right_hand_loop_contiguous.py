"""A contiguous working copy updated in place under no_grad, gradient read from .grad each step."""

import torch


def gradient_descent(f, x0, lr, steps):
    x = x0.detach().contiguous().clone().requires_grad_(True)
    for _ in range(steps):
        if x.grad is not None:
            x.grad = None
        f(x).backward()
        with torch.no_grad():
            x.sub_(x.grad, alpha=lr)
    return x.detach()
