"""Obfuscated: requires_grad_ and backward through methodcaller, .grad through attrgetter."""

from operator import attrgetter, methodcaller

import torch


def polynomial_derivative(coeffs, x):
    x = methodcaller("requires_grad_", True)(x.detach().clone())
    with torch.enable_grad():
        f = 0 * x
        for k, c in enumerate(coeffs):
            f = f + c * x**k
        methodcaller("backward")(f.sum())
    return attrgetter("grad")(x)
