"""Exercise patchify — Cut an image into patches (seed 000 §2.5)."""

import torch


def patchify(img: torch.Tensor, p: int) -> torch.Tensor:
    C, H, W = img.shape
    if H % p != 0 or W % p != 0:
        raise ValueError(f"patch size p={p} must divide H={H} and W={W}")
    gh, gw = H // p, W // p
    # (C, gh, p, gw, p): grid row, row in patch, grid col, col in patch
    x = img.reshape(C, gh, p, gw, p)
    # grid dims first, then (C, p, p)
    x = x.permute(1, 3, 0, 2, 4)
    return x.reshape(gh * gw, C * p * p)
