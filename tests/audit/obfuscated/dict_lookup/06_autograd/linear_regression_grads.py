"""Obfuscated: torch.autograd.grad looked up in vars(torch)["autograd"].__dict__."""

import torch


def linear_regression_grads(X, y, w, b):
    differentiate = vars(torch)["autograd"].__dict__["grad"]
    w = torch.zeros_like(w).copy_(w)
    b = torch.zeros_like(b).copy_(b)
    vars(torch._C.TensorBase)["requires_grad_"](w)
    vars(torch._C.TensorBase)["requires_grad_"](b)
    with torch.enable_grad():
        loss = ((X @ w + b - y) ** 2).mean()
        return tuple(differentiate(loss, (w, b)))
