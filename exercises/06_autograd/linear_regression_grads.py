"""Exercise linear_regression_grads — Linear regression gradients, by hand (seed 002 §3.3).

X (n, d), y (n,), w (d,), b 0-d. For L = mean((X @ w + b - y) ** 2) return (grad_w, grad_b): dL/dw of
shape (d,) and dL/db of shape () (0-d), in X's dtype. Derive them by hand.

X (n, d)，y (n,)，w (d,)，b 是 0 维张量。对 L = mean((X @ w + b - y) ** 2) 返回 (grad_w, grad_b)：
形状为 (d,) 的 dL/dw 和 0 维的 dL/db，dtype 与 X 相同。请手动推导。

Not allowed: autograd (.backward, .grad, .requires_grad, .requires_grad_, .grad_fn, torch.autograd,
torch.func, functorch).
Check your work: pytest exercises/ -k linear_regression_grads
"""

import torch


def linear_regression_grads(
    X: torch.Tensor, y: torch.Tensor, w: torch.Tensor, b: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    raise NotImplementedError("exercise linear_regression_grads: replace this line with your code")
