"""Exercise polynomial_derivative — Derivative of a polynomial, by hand (seed 000 §3.4).

NumPy: the derivative's coefficients are k * c_k, evaluated with Horner's rule.
"""

import numpy as np
import torch


def polynomial_derivative(coeffs: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    c = coeffs.numpy()
    xs = x.numpy()
    deriv = c[1:] * np.arange(1, len(c), dtype=c.dtype)  # [1*c1, 2*c2, ..., K*cK]
    out = np.zeros_like(xs)
    for coef in deriv[::-1]:
        out = out * xs + coef
    return torch.from_numpy(np.asarray(out, dtype=xs.dtype))
