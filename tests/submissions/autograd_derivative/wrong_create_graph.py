"""Keeps the graph of the gradient (create_graph=True), so the returned gradient still requires grad."""

import torch


def autograd_derivative(f, x):
    x = x.detach().requires_grad_(True)
    (grad,) = torch.autograd.grad(f(x), x, create_graph=True)
    return grad
