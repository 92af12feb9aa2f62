"""Takes max(x, y) as the common size, so a side of 0 against a side of 1 becomes 1 and expand fails."""

import torch


def broadcast_add(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    n = max(a.dim(), b.dim())
    sa = (1,) * (n - a.dim()) + tuple(a.shape)
    sb = (1,) * (n - b.dim()) + tuple(b.shape)
    for x, y in zip(sa, sb, strict=True):
        if x != y and 1 not in (x, y):
            raise ValueError(f"shapes {tuple(a.shape)} and {tuple(b.shape)} do not broadcast")
    out = [max(x, y) for x, y in zip(sa, sb, strict=True)]
    return a.reshape(sa).expand(out) + b.reshape(sb).expand(out)
