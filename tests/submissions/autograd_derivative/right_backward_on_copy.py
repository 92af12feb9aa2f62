"""Calls backward() on a private copy of x and returns the copy's .grad: x itself is never touched."""


def autograd_derivative(f, x):
    copy = x.detach().clone().requires_grad_(True)
    f(copy).backward()
    return copy.grad
