"""Counts steps from 1, so it takes one step too few."""

import torch


def gradient_descent(f, x0, lr, steps):
    x = x0.detach().clone().requires_grad_(True)
    for _ in range(1, steps):
        x.grad = None
        f(x).backward()
        with torch.no_grad():
            x -= lr * x.grad
    return x.detach()
