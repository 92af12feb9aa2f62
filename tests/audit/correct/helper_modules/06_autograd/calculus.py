"""Polynomials as coefficient tensors (c0, c1, ..., cK)."""

import torch


def power_rule(coeffs: torch.Tensor) -> torch.Tensor:
    """Coefficients of the derivative: (c1, 2 c2, ..., K cK)."""
    if len(coeffs) <= 1:
        return coeffs[:0]  # a constant (or nothing): the derivative is 0
    k = torch.arange(1, len(coeffs), dtype=coeffs.dtype)
    return coeffs[1:] * k


def horner(coeffs: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    """Evaluate the polynomial at every element of x (0 for no coefficients)."""
    out = torch.zeros_like(x)
    for c in coeffs.flip(0):
        out = out * x + c
    return out
