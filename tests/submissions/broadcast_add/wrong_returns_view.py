"""Skips the addition when b is all zeros and returns the expanded a: a view of the input, not new."""

import torch


def broadcast_add(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    n = max(a.dim(), b.dim())
    sa = (1,) * (n - a.dim()) + tuple(a.shape)
    sb = (1,) * (n - b.dim()) + tuple(b.shape)
    out = []
    for x, y in zip(sa, sb, strict=True):
        if x != y and 1 not in (x, y):
            raise ValueError(f"shapes {tuple(a.shape)} and {tuple(b.shape)} do not broadcast")
        out.append(y if x == 1 else x)
    a_full = a.reshape(sa).expand(out)
    if not b.any():
        return a_full  # nothing to add
    return a_full + b.reshape(sb).expand(out)
