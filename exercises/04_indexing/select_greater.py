"""Exercise select_greater — Pick the big ones (seed 000 §2.6).

Return a 1-D tensor of the elements of `x` strictly greater than `threshold`, in row-major order, with
`x`'s dtype. `x` may have any shape (0-d and empty included); with no match the result has shape (0,).

返回一维张量，包含 `x` 中严格大于 `threshold` 的元素，按行优先顺序排列，dtype 与 `x` 相同。
`x` 可以是任意形状（包括 0 维和空张量）；没有元素满足条件时结果形状为 (0,)。

Check your work: pytest exercises/ -k select_greater
"""

import torch


def select_greater(x: torch.Tensor, threshold: float) -> torch.Tensor:
    raise NotImplementedError("exercise select_greater: replace this line with your code")
