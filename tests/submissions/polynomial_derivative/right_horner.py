"""Builds the derivative's coefficients (k·c_k), then evaluates them with Horner's rule."""

import torch


def polynomial_derivative(coeffs, x):
    k = torch.arange(len(coeffs), dtype=coeffs.dtype)[1:]
    derivative = coeffs[1:] * k
    result = torch.zeros_like(x)
    for c in reversed(derivative):
        result = result * x + c
    return result
