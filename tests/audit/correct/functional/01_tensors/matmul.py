"""Exercise matmul — Matrix multiplication by hand (seed 000 §2.3).

My solution: broadcast (n, k, 1) * (1, k, m) and sum out k, as in the second hint.
"""

import torch


def matmul(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    n, k = a.shape
    k2, m = b.shape
    if k != k2:
        raise ValueError(f"inner sizes differ: a is {tuple(a.shape)}, b is {tuple(b.shape)}")
    # (n, k, 1) * (1, k, m) -> (n, k, m); 对 k 这一维求和就是矩阵乘法
    products = a.unsqueeze(2) * b.unsqueeze(0)
    return products.sum(dim=1)
