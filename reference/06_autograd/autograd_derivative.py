"""Reference for autograd_derivative: torch.autograd.grad on a detached stand-in for x."""

from collections.abc import Callable

import torch


def autograd_derivative(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor) -> torch.Tensor:
    stand_in = x.detach().requires_grad_(True)
    with torch.enable_grad():
        (grad,) = torch.autograd.grad(f(stand_in), stand_in)
    return grad
