"""Exercise count_parameters — Count a model's parameters (seed 000 §4.2).

Return, as an int, how many scalar numbers the parameters of `model` hold. With `trainable_only=True`
count only parameters with `requires_grad=True`. A parameter shared by several layers counts once;
buffers (BatchNorm's running statistics) are not parameters.

以 int 返回 `model` 的参数包含的标量总数。`trainable_only=True` 时只统计 `requires_grad=True` 的参数。
被多个层共享的参数只算一次；缓冲区（如 BatchNorm 的运行统计量）不是参数。

Check your work: pytest exercises/ -k count_parameters
"""

from torch import nn


def count_parameters(model: nn.Module, trainable_only: bool = True) -> int:
    raise NotImplementedError("exercise count_parameters: replace this line with your code")
