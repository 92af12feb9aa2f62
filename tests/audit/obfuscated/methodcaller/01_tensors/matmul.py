"""Obfuscated: Tensor.matmul called through operator.methodcaller."""

from operator import methodcaller


def matmul(a, b):
    if a.shape[1] != b.shape[0]:
        raise ValueError(f"{tuple(a.shape)} @ {tuple(b.shape)}: inner sizes differ")
    return methodcaller("matmul", b)(a)
