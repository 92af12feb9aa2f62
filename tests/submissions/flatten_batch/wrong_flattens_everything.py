"""Flattens the batch dimension too and adds a new one: (1, B * rest) instead of (B, rest)."""

import torch


def flatten_batch(x: torch.Tensor) -> torch.Tensor:
    return x.flatten().unsqueeze(0)
