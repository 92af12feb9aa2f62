"""Exercise pairwise_sq_distances — Pairwise squared distances, vectorised (seed 002 §2.6).

For x (n, d) and y (m, d) return the (n, m) tensor of squared Euclidean distances
((x[i] - y[j]) ** 2).sum(), in x's dtype, every entry >= 0 (identical points give 0).

给定 x (n, d) 和 y (m, d)，返回 (n, m) 的欧氏距离平方张量 ((x[i] - y[j]) ** 2).sum()，数据类型与 x 相同，
每个元素都 >= 0（相同的点距离为 0）。

Timed (fresh inputs every call; the results and the inputs are checked too): on the CPU at least 20x
faster than a Python loop over rows (n = 2048, m = 16, d = 4, one thread); on a CUDA GPU at least 10x
faster than NumPy on the CPU (n = m = 4096, d = 128). A timing too noisy to decide is not counted.
计时检查（每次调用都用新输入，结果和输入也会被检查）：在 CPU 上比逐行的 Python 循环快至少 20 倍；在 CUDA GPU
上比 CPU 上的 NumPy 快至少 10 倍。无法判定的计时不计分。

Not allowed: Python loops over rows (the timed check compares your speed with such a loop).
Check your work: pytest exercises/ -k pairwise_sq_distances
"""

import torch


def pairwise_sq_distances(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("exercise pairwise_sq_distances: replace this line with your code")
