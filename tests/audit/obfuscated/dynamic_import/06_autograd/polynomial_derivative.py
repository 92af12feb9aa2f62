"""Obfuscated: torch.func.vjp, from a module imported by a built name (importlib)."""

import importlib


def polynomial_derivative(coeffs, x):
    func = importlib.import_module("torch." + "func")

    def f(t):
        out = 0 * t
        for k, c in enumerate(coeffs):
            out = out + c * t**k
        return out

    _, pullback = func.vjp(f, x)
    (dfdx,) = pullback(x.new_ones(x.shape))
    return dfdx
