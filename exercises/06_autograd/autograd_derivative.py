"""Exercise autograd_derivative — Let autograd differentiate.
Tutorial: "A PyTorch tutorial for beginners", §4.1
教程：《PyTorch 入门教程》§4.1

`f` is a Python function that takes a floating-point tensor and returns a scalar (a 0-d tensor), and
`x` is such a tensor. Return the gradient of f(x) with respect to x, computed with autograd: a tensor of
x's shape and dtype that does not require grad. Leave `x` as you found it: if it did not require grad
it still does not, if it did it still does, and whatever its `.grad` held before the call (None or a
tensor) it still holds, unchanged.

`f` 是一个 Python 函数，接收一个浮点张量并返回一个标量（0 维张量）；`x` 就是这样一个张量。
用自动求导（autograd）计算 f(x) 对 x 的梯度并返回：形状和 dtype 与 `x` 相同、且不需要梯度的张量。
不要改动 `x`：它原来不需要梯度，调用后仍然不需要；原来需要，调用后仍然需要；调用前它的 `.grad`
是什么（None 或某个张量），调用后仍然原样不变。

Check your work: pytest exercises/ -k autograd_derivative
"""

from collections.abc import Callable

import torch


def autograd_derivative(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("exercise autograd_derivative: replace this line with your code")
