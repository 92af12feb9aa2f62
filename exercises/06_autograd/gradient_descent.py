"""Exercise gradient_descent — Gradient descent with autograd (seed 002 §3.4).

Starting from `x0`, take `steps` updates x ← x − lr·∇f(x), the gradient of the scalar function `f` coming
from autograd. Return the final x as a new, detached tensor (x0's shape and dtype); leave x0 untouched.

从 `x0` 出发做 `steps` 次更新 x ← x − lr·∇f(x)，标量函数 `f` 的梯度用自动求导计算。返回最终的 x：
一个已 detach 的新张量（形状和 dtype 与 x0 相同）；不要改动 x0。

Check your work: pytest exercises/ -k gradient_descent
"""

from collections.abc import Callable

import torch


def gradient_descent(
    f: Callable[[torch.Tensor], torch.Tensor], x0: torch.Tensor, lr: float, steps: int
) -> torch.Tensor:
    raise NotImplementedError("exercise gradient_descent: replace this line with your code")
