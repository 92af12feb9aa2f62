"""Exercise polynomial_derivative — Derivative of a polynomial, by hand (seed 000 §3.4).

A layer with forward (evaluate f) and backward (dout * f'(x)), cs231n style. The derivative is the
backward pass with dout = 1.
"""

import torch


class Polynomial:
    def __init__(self, coeffs):
        self.coeffs = coeffs
        self.x = None

    def forward(self, x):
        self.x = x
        out = torch.zeros_like(x)
        for c in reversed(list(self.coeffs)):  # Horner
            out = out * x + c
        return out

    def backward(self, dout):
        x = self.x
        dx = torch.zeros_like(x)
        K = len(self.coeffs) - 1
        for k in range(K, 0, -1):  # Horner on k * c_k
            dx = dx * x + k * self.coeffs[k]
        return dout * dx


def polynomial_derivative(coeffs: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    layer = Polynomial(coeffs)
    layer.forward(x)
    return layer.backward(torch.ones_like(x))
