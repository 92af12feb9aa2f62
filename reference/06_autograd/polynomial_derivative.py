"""Reference for polynomial_derivative: autograd differentiates f, which the exercise forbids."""

import torch


def polynomial_derivative(coeffs: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    x = x.detach().requires_grad_(True)
    with torch.enable_grad():
        f = 0 * x  # f = 0 when there are no coefficients, still a function of x
        for k, c in enumerate(coeffs):
            f = f + c * x**k
        (grad,) = torch.autograd.grad(f.sum(), x)
    return grad
