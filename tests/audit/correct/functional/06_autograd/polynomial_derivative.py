"""Exercise polynomial_derivative — Derivative of a polynomial, by hand (seed 000 §3.4)."""

import torch


def polynomial_derivative(coeffs: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    # d/dx sum_k c_k x^k = sum_{k>=1} k c_k x^(k-1)   (power rule)
    result = torch.zeros_like(x)
    for k in range(1, len(coeffs)):
        result = result + k * coeffs[k] * x ** (k - 1)
    return result
