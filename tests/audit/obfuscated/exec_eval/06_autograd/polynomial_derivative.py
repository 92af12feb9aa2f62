"""Obfuscated: autograd (requires_grad_, backward, .grad) inside a string given to exec."""

import torch

SOURCE = """
x = x.detach().clone().requires_grad_(True)
with torch.enable_grad():
    f = 0 * x
    for k, c in enumerate(coeffs):
        f = f + c * x ** k
    f.sum().backward()
result = x.grad
"""


def polynomial_derivative(coeffs, x):
    scope = {"torch": torch, "coeffs": coeffs, "x": x}
    exec(SOURCE, scope)
    return scope["result"]
