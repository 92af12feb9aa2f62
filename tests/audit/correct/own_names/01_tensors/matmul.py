"""Exercise matmul — Matrix multiplication by hand (seed 000 §2.3).

I made a tiny Matrix class so the code reads like the maths: C = A @ B. Its @ (and its .matmul / .dot)
are mine: elementwise products and a sum, no torch product function.
"""

import torch


class Matrix:
    def __init__(self, data: torch.Tensor):
        self.data = data

    @property
    def shape(self):
        return tuple(self.data.shape)

    def row(self, i):
        return self.data[i, :]

    def col(self, j):
        return self.data[:, j]

    @staticmethod
    def dot(u, v):
        return (u * v).sum()

    def matmul(self, other: "Matrix") -> "Matrix":
        (n, k), (k2, m) = self.shape, other.shape
        if k != k2:
            raise ValueError(f"cannot multiply a {self.shape} matrix by a {other.shape} matrix")
        out = torch.zeros(n, m, dtype=self.data.dtype)
        for i in range(n):
            for j in range(m):
                out[i, j] = Matrix.dot(self.row(i), other.col(j))
        return Matrix(out)

    __matmul__ = matmul


def matmul(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    C = Matrix(a) @ Matrix(b)
    return C.data
