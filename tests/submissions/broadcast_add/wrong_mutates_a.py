"""Adds in place into a.expand(...).contiguous(), which is `a` itself when a already has the full shape."""

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
    result = a.reshape(sa).expand(out).contiguous()  # "a copy", or so it seems
    result += b.reshape(sb).expand(out)
    return result
