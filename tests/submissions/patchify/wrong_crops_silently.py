"""Crops the image to a multiple of p instead of raising ValueError when p does not divide H or W."""

import torch


def patchify(img: torch.Tensor, p: int) -> torch.Tensor:
    c, h, w = img.shape
    gh, gw = h // p, w // p
    img = img[:, : gh * p, : gw * p]
    grid = img.reshape(c, gh, p, gw, p).permute(1, 3, 0, 2, 4)
    return grid.reshape(gh * gw, c * p * p)
