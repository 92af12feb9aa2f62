"""Exercise matmul — Matrix multiplication by hand.
Tutorial: "PyTorch basics: from NumPy to deep learning", §2.3
教程：《PyTorch 入门教程：从 NumPy 到深度学习》§2.3

Return the matrix product of two 2-D float tensors `a` of shape (n, k) and `b` of shape (k, m):
a tensor of shape (n, m), with `a`'s dtype, whose element [i, j] is the sum over p of `a[i, p] * b[p, j]`.
Any of n, k, m may be 0 (when k is 0 the result is all zeros). When the inner sizes differ, raise
ValueError with a message that shows both shapes. Build it from elementwise products and sums: the
`@` operator and every ready-made product function (matmul, mm, dot, einsum, ... in torch and NumPy)
are off limits.

返回两个二维浮点张量的矩阵乘积：`a` 的形状为 (n, k)，`b` 的形状为 (k, m)。结果形状为 (n, m)，
dtype 与 `a` 相同，元素 [i, j] 等于对 p 求和 `a[i, p] * b[p, j]`。n、k、m 都可能为 0
（k 为 0 时结果全为 0）。两个内侧维度不相等时，抛出 ValueError，错误信息里要写出两个形状。
请用逐元素乘法和求和自己搭出来：`@` 运算符以及所有现成的乘积函数（torch 和 NumPy 里的
matmul、mm、dot、einsum 等）都不能用。

Not allowed: the `@` operator, matmul / mm / bmm / mv / dot / vdot / inner / einsum / tensordot / linear
(and addmm, baddbmm, multi_dot, ...) from torch, Tensor methods, torch.nn.functional and NumPy.
不允许使用：`@` 运算符，以及 torch、Tensor 方法、torch.nn.functional 和 NumPy 中的上述乘积函数。
Check your work: pytest exercises/ -k matmul
"""

import torch


def matmul(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("exercise matmul: replace this line with your code")
