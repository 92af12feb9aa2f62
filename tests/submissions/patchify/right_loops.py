"""Slices every patch out with two Python loops and stacks the flattened patches."""

import torch


def patchify(img: torch.Tensor, p: int) -> torch.Tensor:
    c, h, w = img.shape
    if h % p != 0 or w % p != 0:
        raise ValueError(f"patch size {p} does not divide the image size {h}x{w}")
    rows = []
    for i in range(h // p):
        for j in range(w // p):
            rows.append(img[:, i * p : (i + 1) * p, j * p : (j + 1) * p].flatten())
    if not rows:
        return img.new_empty((0, c * p * p))
    return torch.stack(rows)
