"""Exercise count_parameters — Count a model's parameters.
Tutorial: "PyTorch basics: from NumPy to deep learning", §4.2
教程：《PyTorch 入门教程：从 NumPy 到深度学习》§4.2

Return, as an int, how many scalar numbers the parameters of `model` hold (a 128×784 weight counts as
100352). With `trainable_only=True` (the default) count only parameters with `requires_grad=True`, the ones
an optimizer would update; with `False` count them all. A parameter shared by several layers counts once,
and buffers (such as BatchNorm's running statistics) are not parameters.

以 int 返回 `model` 的参数一共包含多少个标量（一个 128×784 的权重算 100352 个）。
`trainable_only=True`（默认）时只统计 `requires_grad=True` 的参数，也就是优化器会更新的那些；
为 `False` 时全部统计。被多个层共享的参数只算一次；缓冲区（buffer，例如 BatchNorm 的运行均值和方差）
不是参数，不要统计。

Check your work: pytest exercises/ -k count_parameters
"""

from torch import nn


def count_parameters(model: nn.Module, trainable_only: bool = True) -> int:
    raise NotImplementedError("exercise count_parameters: replace this line with your code")
