"""Orders the patches column by column (grid columns first) instead of row by row."""

import torch


def patchify(img: torch.Tensor, p: int) -> torch.Tensor:
    c, h, w = img.shape
    if h % p or w % p:
        raise ValueError(f"p={p} must divide H={h} and W={w}")
    gh, gw = h // p, w // p
    grid = img.reshape(c, gh, p, gw, p).permute(3, 1, 0, 2, 4)  # (gw, gh, C, p, p)
    return grid.reshape(gh * gw, c * p * p)
