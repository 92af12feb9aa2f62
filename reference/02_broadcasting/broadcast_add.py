"""Reference for broadcast_add: the library's own broadcasting, which the exercise forbids."""

import torch


def broadcast_add(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    try:
        a_full, b_full = torch.broadcast_tensors(a, b)
    except RuntimeError as e:
        raise ValueError(f"shapes {tuple(a.shape)} and {tuple(b.shape)} do not broadcast") from e
    return a_full + b_full
