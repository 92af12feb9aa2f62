"""Reshapes straight to (patches, C*p*p): right shape, but rows are runs of memory, not patches."""

import torch


def patchify(img: torch.Tensor, p: int) -> torch.Tensor:
    c, h, w = img.shape
    if h % p or w % p:
        raise ValueError(f"p={p} must divide H={h} and W={w}")
    return img.reshape((h // p) * (w // p), c * p * p)
