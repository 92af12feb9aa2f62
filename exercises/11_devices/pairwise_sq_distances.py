"""Exercise pairwise_sq_distances — Pairwise squared distances, vectorised (seed 002 §2.6).

For x (n, d) and y (m, d) return the (n, m) tensor of squared Euclidean distances
((x[i] - y[j]) ** 2).sum(), in x's dtype, every entry >= 0 (identical points give 0).

给定 x (n, d) 和 y (m, d)，返回 (n, m) 的欧氏距离平方张量 ((x[i] - y[j]) ** 2).sum()，数据类型与 x 相同，
每个元素都 >= 0（相同的点距离为 0）。

Not allowed: Python loops over rows (a timed check will compare your speed with such a loop).
Check your work: pytest exercises/ -k pairwise_sq_distances
"""

import torch


def pairwise_sq_distances(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("exercise pairwise_sq_distances: replace this line with your code")
