"""Runs the whole descent on a float64 copy of x0 (f evaluated in float64) and casts the result back."""

import torch


def gradient_descent(f, x0, lr, steps):
    x = x0.detach().double().clone()
    for _ in range(steps):
        x.requires_grad_(True)
        (g,) = torch.autograd.grad(f(x), x)
        x = (x - lr * g).detach()
    return x.to(x0.dtype)
