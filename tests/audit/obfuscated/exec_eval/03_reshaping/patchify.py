"""Obfuscated: Tensor.unfold inside a string given to eval."""

import torch


def patchify(img, p):
    c, h, w = img.shape
    if h % p or w % p:
        raise ValueError(f"p={p} must divide H={h} and W={w}")
    if h == 0 or w == 0:
        return torch.zeros((0, c * p * p), dtype=img.dtype)
    grid = eval("img.unfold(1, p, p).unfold(2, p, p)", {}, {"img": img, "p": p})
    return grid.permute(1, 2, 0, 3, 4).reshape((h // p) * (w // p), c * p * p)
