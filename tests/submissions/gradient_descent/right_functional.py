"""No optimizer and no .grad: a fresh leaf each step, its gradient from torch.autograd.grad."""

import torch


def gradient_descent(f, x0, lr, steps):
    x = x0.detach().clone()
    for _ in range(steps):
        x.requires_grad_(True)
        (g,) = torch.autograd.grad(f(x), x)
        x = (x - lr * g).detach()
    return x
