"""Exercise linear_regression_grads — Linear regression gradients, by hand (seed 002 §3.3)."""

import torch


def linear_regression_grads(X: torch.Tensor, y: torch.Tensor, w: torch.Tensor, b: torch.Tensor):
    n = X.shape[0]
    residual = X @ w + b - y  # r, shape (n,)
    dr = 2 * residual / n  # dL/dr
    grad_w = X.T @ dr  # chain rule: sum_i dL/dr_i * X[i]
    grad_b = dr.sum()
    return grad_w, grad_b
