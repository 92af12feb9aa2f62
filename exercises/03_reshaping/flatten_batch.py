"""Exercise flatten_batch — Flatten all but the batch (seed 000 §2.5).

Return `x` with every dimension after the first flattened into one: shape (B, prod(x.shape[1:])),
each row in row-major order. Must work for B == 0 and for a 1-D x (which becomes (B, 1)).

把 `x` 第一维之后的所有维度展平：形状为 (B, prod(x.shape[1:]))，每行按行优先顺序排列。
B == 0 和一维 x（变成 (B, 1)）也要能处理。

Check your work: pytest exercises/ -k flatten_batch
"""

import torch


def flatten_batch(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("exercise flatten_batch: replace this line with your code")
