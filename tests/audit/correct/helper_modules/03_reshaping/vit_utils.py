"""Small helpers for my ViT experiments."""

import torch


def check_patch_size(h: int, w: int, p: int) -> None:
    if h % p != 0 or w % p != 0:
        raise ValueError(f"image {h}x{w} cannot be cut into {p}x{p} patches")


def split_grid(img: torch.Tensor, p: int) -> torch.Tensor:
    """(C, H, W) -> (H/p, W/p, C, p, p): patch (i, j) at [i, j]."""
    c, h, w = img.shape
    return img.reshape(c, h // p, p, w // p, p).permute(1, 3, 0, 2, 4)
