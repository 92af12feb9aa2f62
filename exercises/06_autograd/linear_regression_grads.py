"""Exercise linear_regression_grads — Linear regression gradients, by hand.
Tutorial: "PyTorch's two cores: tensor operations and autograd", §3.3
教程：《PyTorch 的两大核心：张量操作和自动微分》§3.3

For data `X` of shape (n, d), targets `y` of shape (n,), weights `w` of shape (d,) and a bias `b` that
is a 0-d tensor, the loss is the mean squared error

    L = mean((X @ w + b - y) ** 2)

Return `(grad_w, grad_b)`: the gradients dL/dw, shaped like w (d,), and dL/db, shaped like b (0-d),
in X's dtype. Derive them by hand; autograd is not allowed here (the grader compares with it).

数据 `X` 形状为 (n, d)，目标 `y` 形状为 (n,)，权重 `w` 形状为 (d,)，偏置 `b` 是 0 维张量。损失是均方误差

    L = mean((X @ w + b - y) ** 2)

返回 `(grad_w, grad_b)`：梯度 dL/dw（形状与 w 相同，为 (d,)）和 dL/db（形状与 b 相同，是 0 维的），
dtype 与 X 相同。请手动推导，这里不允许使用自动求导（评分器会用它来核对你的答案）。

Not allowed: autograd (.backward, .grad, .requires_grad, .requires_grad_, .grad_fn, torch.autograd,
torch.func, functorch).
不允许使用：自动求导 autograd（.backward、.grad、.requires_grad、.requires_grad_、.grad_fn、torch.autograd、
torch.func、functorch）。
Check your work: pytest exercises/ -k linear_regression_grads
"""

import torch


def linear_regression_grads(
    X: torch.Tensor, y: torch.Tensor, w: torch.Tensor, b: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    raise NotImplementedError("exercise linear_regression_grads: replace this line with your code")
