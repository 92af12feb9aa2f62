"""Obfuscated: Tensor.unfold through operator.methodcaller."""

from operator import methodcaller

import torch


def patchify(img, p):
    c, h, w = img.shape
    if h % p or w % p:
        raise ValueError(f"p={p} must divide H={h} and W={w}")
    if not h or not w:
        return torch.zeros((0, c * p * p), dtype=img.dtype)
    rows, cols = methodcaller("unfold", 1, p, p), methodcaller("unfold", 2, p, p)
    return cols(rows(img)).permute(1, 2, 0, 3, 4).reshape((h // p) * (w // p), c * p * p)
