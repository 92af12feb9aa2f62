"""Swaps the two pixel axes inside each patch: every patch is flattened column by column (W before H)."""

import torch


def patchify(img: torch.Tensor, p: int) -> torch.Tensor:
    c, h, w = img.shape
    if h % p or w % p:
        raise ValueError(f"p={p} must divide H={h} and W={w}")
    gh, gw = h // p, w // p
    grid = img.reshape(c, gh, p, gw, p).permute(1, 3, 0, 4, 2)  # (gh, gw, C, p_w, p_h)
    return grid.reshape(gh * gw, c * p * p)
