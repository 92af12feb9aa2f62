"""Pads the shorter shape with trailing 1s (aligns from the left), so (2, 3) + (3,) is refused."""

import torch


def broadcast_add(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    n = max(a.dim(), b.dim())
    sa = tuple(a.shape) + (1,) * (n - a.dim())
    sb = tuple(b.shape) + (1,) * (n - b.dim())
    out = []
    for x, y in zip(sa, sb, strict=True):
        if x != y and 1 not in (x, y):
            raise ValueError(f"shapes {tuple(a.shape)} and {tuple(b.shape)} do not broadcast")
        out.append(y if x == 1 else x)
    return a.reshape(sa).expand(out) + b.reshape(sb).expand(out)
