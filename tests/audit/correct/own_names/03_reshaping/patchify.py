"""Exercise patchify — Cut an image into patches (seed 000 §2.5).

My own unfold for non-overlapping windows (step == size), with Tensor.unfold's output layout: the window
becomes a new last dimension. Built from reshape and movedim only.
"""

import torch


def unfold(x: torch.Tensor, dim: int, size: int) -> torch.Tensor:
    shape = list(x.shape)
    x = x.reshape(shape[:dim] + [shape[dim] // size, size] + shape[dim + 1 :])
    return x.movedim(dim + 1, -1)


def patchify(img: torch.Tensor, p: int) -> torch.Tensor:
    c, h, w = img.shape
    if h % p or w % p:
        raise ValueError(f"p={p} must divide H={h} and W={w}")
    grid = unfold(unfold(img, 1, p), 2, p)  # (C, H/p, W/p, p, p)
    return grid.permute(1, 2, 0, 3, 4).reshape((h // p) * (w // p), c * p * p)
