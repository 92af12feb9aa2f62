"""Splits H and W into (grid, p) with reshape, moves the grid dims first with permute, reshapes to 2-D."""

import torch


def patchify(img: torch.Tensor, p: int) -> torch.Tensor:
    c, h, w = img.shape
    if h % p or w % p:
        raise ValueError(f"p={p} must divide H={h} and W={w}")
    gh, gw = h // p, w // p
    grid = img.reshape(c, gh, p, gw, p).permute(1, 3, 0, 2, 4)  # (gh, gw, C, p, p)
    return grid.reshape(gh * gw, c * p * p)
