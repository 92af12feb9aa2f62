"""Exercise broadcast_add — Broadcast add, explicitly (seed 000 §2.4)."""

import torch


def broadcast_add(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    # step 1: same number of dims (add leading 1s)
    while a.dim() < b.dim():
        a = a.unsqueeze(0)
    while b.dim() < a.dim():
        b = b.unsqueeze(0)
    # step 2: the target shape, side by side
    target = []
    for x, y in zip(a.shape, b.shape):
        if x != y and x != 1 and y != 1:
            raise ValueError(f"cannot broadcast {tuple(a.shape)} with {tuple(b.shape)}")
        target.append(y if x == 1 else x)
    # step 3: stretch both (expand does not copy), then the add only sees equal shapes
    return a.expand(target) + b.expand(target)
