"""Reference for linear_regression_grads: autograd, which the exercise forbids."""

import torch


def linear_regression_grads(
    X: torch.Tensor, y: torch.Tensor, w: torch.Tensor, b: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    w = w.detach().requires_grad_(True)
    b = b.detach().requires_grad_(True)
    with torch.enable_grad():
        loss = ((X @ w + b - y) ** 2).mean()
        grad_w, grad_b = torch.autograd.grad(loss, (w, b))
    return grad_w, grad_b
