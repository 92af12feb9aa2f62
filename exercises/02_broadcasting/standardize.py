"""Exercise standardize — Standardize along a dimension (seed 000 §2.4).

Return `(x - mean) / (std + 1e-5)`, with the mean and the population standard deviation (divide by n,
correction=0) taken over dimension `dim` of the float tensor `x` (`dim` may be negative). Keep the
reduced dimension so the statistics broadcast against `x`; the result has `x`'s shape and dtype.

返回 `(x - mean) / (std + 1e-5)`：均值和总体标准差（除以 n，correction=0）沿 `x` 的第 `dim` 维计算
（`dim` 可以是负数）。保留被归约的维度，让统计量能和 `x` 广播；结果与 `x` 的形状、dtype 相同。

Check your work: pytest exercises/ -k standardize
"""

import torch


def standardize(x: torch.Tensor, dim: int) -> torch.Tensor:
    raise NotImplementedError("exercise standardize: replace this line with your code")
