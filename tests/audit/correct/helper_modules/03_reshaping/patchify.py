"""Exercise patchify — Cut an image into patches (seed 000 §2.5)."""

import torch

from vit_utils import check_patch_size, split_grid


def patchify(img: torch.Tensor, p: int) -> torch.Tensor:
    c, h, w = img.shape
    check_patch_size(h, w, p)
    grid = split_grid(img, p)
    # explicit sizes, not -1: with C == 0 or an empty side the -1 would be ambiguous
    return grid.reshape((h // p) * (w // p), c * p * p)
