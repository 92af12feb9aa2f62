"""Attack: torch memory bomb. Expect: memory; at most 0 points."""

import torch


def broadcast_add(a, b):
    return torch.ones(1 << 34, dtype=torch.uint8)
