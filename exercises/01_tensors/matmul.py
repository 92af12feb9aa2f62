"""Exercise matmul — Matrix multiplication by hand (seed 000 §2.3).

Return the product of `a` (n, k) and `b` (k, m), two 2-D float tensors: shape (n, m), `a`'s dtype,
element [i, j] = sum over p of a[i, p] * b[p, j]. n, k, m may be 0. When the inner sizes differ, raise
ValueError naming both shapes. Build it from elementwise products and sums.

返回 `a` (n, k) 与 `b` (k, m) 两个二维浮点张量的矩阵乘积：形状 (n, m)，dtype 与 `a` 相同，
元素 [i, j] = 对 p 求和 a[i, p] * b[p, j]。n、k、m 都可能为 0。内侧维度不相等时抛出 ValueError，
信息中写出两个形状。请用逐元素乘法和求和来实现。

Not allowed: the `@` operator, matmul / mm / bmm / mv / dot / vdot / inner / einsum / tensordot / linear
(and addmm, baddbmm, multi_dot, ...) from torch, Tensor methods, torch.nn.functional and NumPy.
不允许使用：`@` 运算符，以及 torch、Tensor 方法、torch.nn.functional 和 NumPy 中的上述乘积函数。

Check your work: pytest exercises/ -k matmul
"""

import torch


def matmul(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("exercise matmul: replace this line with your code")
