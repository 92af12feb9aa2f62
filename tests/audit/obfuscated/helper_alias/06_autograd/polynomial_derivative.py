"""Obfuscated: torch.autograd.grad, re-exported by a helper module as `derivative`."""

import torch

from diff_tools import derivative, track


def polynomial_derivative(coeffs, x):
    x = track(x)
    with torch.enable_grad():
        f = 0 * x
        for k, c in enumerate(coeffs):
            f = f + c * x**k
        (dfdx,) = derivative(f.sum(), x)
    return dfdx
