"""Exercise gather_pairs — Gather pairs of indices.
Tutorial: "PyTorch basics: from NumPy to deep learning", §2.6
教程：《PyTorch 入门教程：从 NumPy 到深度学习》§2.6

`m` is a 2-D tensor; `rows` and `cols` are 1-D int64 tensors of the same length L. Return the 1-D tensor
`out` of length L, with `m`'s dtype, where `out[i] = m[rows[i], cols[i]]`. Negative indices count from
the end, as in Python and PyTorch indexing (-1 is the last row or column). An index outside
[-size, size) of its dimension raises IndexError. L may be 0.

`m` 是二维张量；`rows` 和 `cols` 是长度同为 L 的一维 int64 张量。返回长度为 L 的一维张量 `out`，
dtype 与 `m` 相同，满足 `out[i] = m[rows[i], cols[i]]`。负下标从末尾往前数，和 Python、PyTorch
的索引规则一样（-1 表示最后一行或最后一列）。某个下标超出它所在维度的 [-size, size) 范围时，
抛出 IndexError。L 可以为 0。

Check your work: pytest exercises/ -k gather_pairs
"""

import torch


def gather_pairs(m: torch.Tensor, rows: torch.Tensor, cols: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("exercise gather_pairs: replace this line with your code")
