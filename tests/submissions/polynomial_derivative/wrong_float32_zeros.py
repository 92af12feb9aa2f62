"""Accumulates into torch.zeros(x.shape), which is float32 whatever x's dtype is."""

import torch


def polynomial_derivative(coeffs, x):
    result = torch.zeros(x.shape)
    for k in range(1, len(coeffs)):
        result = result + k * coeffs[k] * x ** (k - 1)
    return result
