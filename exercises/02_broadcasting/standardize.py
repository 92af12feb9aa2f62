"""Exercise standardize — Standardize along a dimension.
Tutorial: "PyTorch basics: from NumPy to deep learning", §2.4
教程：《PyTorch 入门教程：从 NumPy 到深度学习》§2.4

Return `(x - mean) / (std + 1e-5)`, where the mean and the standard deviation are taken over dimension
`dim` of the float tensor `x` (a negative `dim` counts from the end, as everywhere in PyTorch). Use the
population standard deviation (divide by n, i.e. `correction=0`), keep the reduced dimension so that
broadcasting lines the statistics up with `x`, and return a tensor of `x`'s shape and dtype.

返回 `(x - mean) / (std + 1e-5)`，其中均值和标准差沿浮点张量 `x` 的第 `dim` 维计算（`dim` 可以是负数，
和 PyTorch 里一样表示从后往前数）。标准差用总体标准差（除以 n，即 `correction=0`）；
计算统计量时保留被归约的维度，让广播把它们和 `x` 对齐；返回的张量与 `x` 形状、dtype 都相同。

Check your work: pytest exercises/ -k standardize
"""

import torch


def standardize(x: torch.Tensor, dim: int) -> torch.Tensor:
    raise NotImplementedError("exercise standardize: replace this line with your code")
