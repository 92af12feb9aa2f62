"""Exercise polynomial_derivative — Derivative of a polynomial, by hand (seed 000 §3.4).

The power rule, computed under torch.no_grad() (inference_mode(False) so the result stays a normal tensor).
"""

import torch


def polynomial_derivative(coeffs, x):
    with torch.inference_mode(False), torch.no_grad():
        out = torch.zeros_like(x)
        for k in range(1, len(coeffs)):
            out = out + k * coeffs[k] * x ** (k - 1)
    return out
