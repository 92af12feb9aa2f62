"""Obfuscated: autograd (requires_grad_, backward, grad) with every name built at run time."""

import torch


def polynomial_derivative(coeffs, x):
    x = x.detach().clone()
    getattr(x, "requires_" + "grad_")(True)
    with torch.enable_grad():
        f = 0 * x
        for k, c in enumerate(coeffs):
            f = f + c * x**k
        getattr(f.sum(), "back" + "ward")()
    return getattr(x, "gr" + "ad")
