"""Exercise select_greater — Pick the big ones.
Tutorial: "PyTorch basics: from NumPy to deep learning", §2.6
教程：《PyTorch 入门教程：从 NumPy 到深度学习》§2.6

Return a 1-D tensor holding the elements of `x` that are strictly greater than the number `threshold`,
in row-major order (the order you meet them reading `x` row by row, last index fastest), with `x`'s dtype.
`x` may have any shape, 0-d and empty included; when nothing qualifies the result has shape (0,).

返回一个一维张量，包含 `x` 中严格大于数字 `threshold` 的所有元素，按行优先顺序排列
（即一行一行读 `x` 时遇到它们的顺序，最后一个下标变化最快），dtype 与 `x` 相同。
`x` 可以是任意形状，包括 0 维和空张量；没有元素满足条件时，结果的形状是 (0,)。

Check your work: pytest exercises/ -k select_greater
"""

import torch


def select_greater(x: torch.Tensor, threshold: float) -> torch.Tensor:
    raise NotImplementedError("exercise select_greater: replace this line with your code")
