"""Never checks the shapes: expand raises RuntimeError on incompatible shapes instead of ValueError."""

import torch


def broadcast_add(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    n = max(a.dim(), b.dim())
    sa = (1,) * (n - a.dim()) + tuple(a.shape)
    sb = (1,) * (n - b.dim()) + tuple(b.shape)
    out = [y if x == 1 else x for x, y in zip(sa, sb, strict=True)]
    return a.reshape(sa).expand(out) + b.reshape(sb).expand(out)
