"""Exercise polynomial_derivative — Derivative of a polynomial, by hand (seed 000 §3.4).

Forward-mode differentiation with my own dual numbers: a Dual carries a value and its derivative
(.grad here), and + and * apply the sum and product rules. Evaluating f with Horner's rule on
Dual(x, 1) gives f'(x) in .grad. No torch autograd involved.
"""

import torch


class Dual:
    def __init__(self, value, grad):
        self.value = value
        self.grad = grad

    def __add__(self, other):
        if isinstance(other, Dual):
            return Dual(self.value + other.value, self.grad + other.grad)
        return Dual(self.value + other, self.grad)  # a constant has derivative 0

    __radd__ = __add__

    def __mul__(self, other):
        if isinstance(other, Dual):  # product rule
            return Dual(self.value * other.value, self.grad * other.value + self.value * other.grad)
        return Dual(self.value * other, self.grad * other)

    __rmul__ = __mul__


def polynomial_derivative(coeffs: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    x_dual = Dual(x, torch.ones_like(x))
    f = Dual(torch.zeros_like(x), torch.zeros_like(x))
    for c in reversed(list(coeffs)):
        f = f * x_dual + c
    return f.grad
