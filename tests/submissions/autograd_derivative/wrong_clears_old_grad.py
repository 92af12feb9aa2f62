"""Restores x's requires_grad flag afterwards, but wipes whatever x.grad held before the call."""


def autograd_derivative(f, x):
    was = x.requires_grad
    x.requires_grad_(True)
    x.grad = None
    f(x).backward()
    grad = x.grad
    x.grad = None
    x.requires_grad_(was)
    return grad
