"""Exercise autograd_derivative — Let autograd differentiate (seed 001 §4.1).

`f` takes a floating-point tensor and returns a scalar; return the gradient of f(x) with respect to `x`,
computed with autograd: x's shape and dtype, not requiring grad. Leave `x` as it was: its requires_grad
flag and its `.grad` (None or a tensor) must be the same after the call.

`f` 接收一个浮点张量并返回标量；用自动求导计算 f(x) 对 `x` 的梯度并返回（形状和 dtype 与 x 相同，
不需要梯度）。不要改动 `x`：调用前后它的 requires_grad 标志和 `.grad`（None 或张量）都必须一样。

Check your work: pytest exercises/ -k autograd_derivative
"""

from collections.abc import Callable

import torch


def autograd_derivative(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("exercise autograd_derivative: replace this line with your code")
