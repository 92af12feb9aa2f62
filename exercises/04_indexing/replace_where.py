"""Exercise replace_where — Replace where the mask says so.
Tutorial: "PyTorch basics: from NumPy to deep learning", §2.6
教程：《PyTorch 入门教程：从 NumPy 到深度学习》§2.6

`mask` is a bool tensor of the same shape as `x`, and `value` is a Python number of the same kind as
`x`'s elements (a float for a float tensor, an int for an integer tensor). Return a NEW tensor with `x`'s
shape and dtype that holds `value` where `mask` is True and `x`'s element elsewhere. `x` itself must stay
untouched, and the result must never share memory with `x`, not even when the mask is all False.

`mask` 是与 `x` 同形状的布尔张量，`value` 是与 `x` 元素同类的 Python 数字（浮点张量对应 float，
整数张量对应 int）。返回一个新的张量，形状和 dtype 与 `x` 相同：`mask` 为 True 的位置是 `value`，
其他位置是 `x` 的元素。`x` 本身必须保持不变，结果也不能与 `x` 共享内存，即使掩码全为 False 也不行。

Check your work: pytest exercises/ -k replace_where
"""

import torch


def replace_where(x: torch.Tensor, mask: torch.Tensor, value: float) -> torch.Tensor:
    raise NotImplementedError("exercise replace_where: replace this line with your code")
