"""Exercise flatten_batch — Flatten all but the batch.
Tutorial: "PyTorch basics: from NumPy to deep learning", §2.5
教程：《PyTorch 入门教程：从 NumPy 到深度学习》§2.5

Return `x` with every dimension after the first flattened into one: the result has shape
`(B, prod(x.shape[1:]))`, where `B = x.shape[0]`, and each row holds that sample's elements in
row-major order (the order `x[b].flatten()` gives). It must work for an empty batch (`B == 0`) and for
a 1-D `x`, which becomes `(B, 1)`.

把 `x` 第一维之后的所有维度展平成一维：结果形状为 `(B, prod(x.shape[1:]))`，其中 `B = x.shape[0]`，
每一行按行优先顺序（即 `x[b].flatten()` 的顺序）存放该样本的元素。空批次（`B == 0`）和一维的 `x`
也必须能处理：一维 `x` 变成 `(B, 1)`。

Check your work: pytest exercises/ -k flatten_batch
"""

import torch


def flatten_batch(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("exercise flatten_batch: replace this line with your code")
