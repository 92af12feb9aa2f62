"""Adds leading sides with unsqueeze in a loop, then copies the data out with repeat (no expand)."""

import torch


def broadcast_add(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    while a.dim() < b.dim():
        a = a.unsqueeze(0)
    while b.dim() < a.dim():
        b = b.unsqueeze(0)
    reps_a, reps_b = [], []
    for x, y in zip(a.shape, b.shape, strict=True):
        if x == y:
            reps_a.append(1)
            reps_b.append(1)
        elif x == 1:
            reps_a.append(y)
            reps_b.append(1)
        elif y == 1:
            reps_a.append(1)
            reps_b.append(x)
        else:
            raise ValueError(f"cannot broadcast sides {x} and {y}")
    return a.repeat(reps_a) + b.repeat(reps_b)
