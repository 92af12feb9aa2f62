"""Checks the shapes but then uses the forbidden @ operator."""


def matmul(a, b):
    if a.shape[1] != b.shape[0]:
        raise ValueError(f"shapes {tuple(a.shape)} and {tuple(b.shape)} do not match")
    return a @ b
