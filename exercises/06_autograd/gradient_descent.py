"""Exercise gradient_descent — Gradient descent with autograd.
Tutorial: "PyTorch's two cores: tensor operations and autograd", §3.4
教程：《PyTorch 的两大核心：张量操作和自动微分》§3.4

Starting from `x0`, take `steps` steps of gradient descent on the scalar function `f` with learning rate
`lr`: each step computes the gradient of f at the current x with autograd and updates
x ← x − lr·∇f(x). Return the final x as a new tensor that does not require grad (detached), with x0's
shape and dtype. Leave `x0` untouched (its values, its requires_grad flag, its `.grad`); x0 may itself
require grad. With `steps` = 0 the result equals x0.

从 `x0` 出发，对标量函数 `f` 以学习率 `lr` 做 `steps` 步梯度下降：每一步用自动求导计算 f 在当前 x
处的梯度，然后更新 x ← x − lr·∇f(x)。返回最终的 x：一个不需要梯度（已 detach）的新张量，形状和 dtype
与 x0 相同。不要改动 `x0`（包括它的数值、requires_grad 标志和 `.grad`）；x0 本身也可能需要梯度。
`steps` = 0 时结果等于 x0。

Check your work: pytest exercises/ -k gradient_descent
"""

from collections.abc import Callable

import torch


def gradient_descent(
    f: Callable[[torch.Tensor], torch.Tensor], x0: torch.Tensor, lr: float, steps: int
) -> torch.Tensor:
    raise NotImplementedError("exercise gradient_descent: replace this line with your code")
