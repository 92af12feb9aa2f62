"""Reference for matmul: torch.matmul, which the exercise forbids, behind the shape check."""

import torch


def matmul(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    if a.shape[1] != b.shape[0]:
        raise ValueError(f"cannot multiply a of shape {tuple(a.shape)} by b of shape {tuple(b.shape)}")
    return torch.matmul(a, b)
