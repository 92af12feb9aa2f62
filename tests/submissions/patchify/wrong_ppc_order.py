"""Flattens each patch in (p, p, C) order (channels last, as in many ViT write-ups) instead of (C, p, p)."""

import torch


def patchify(img: torch.Tensor, p: int) -> torch.Tensor:
    c, h, w = img.shape
    if h % p or w % p:
        raise ValueError(f"p={p} must divide H={h} and W={w}")
    gh, gw = h // p, w // p
    grid = img.reshape(c, gh, p, gw, p).permute(1, 3, 2, 4, 0)  # (gh, gw, p, p, C)
    return grid.reshape(gh * gw, c * p * p)
