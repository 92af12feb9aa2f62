"""Permutes with (0, 3, 2, 1), which swaps C and W and gives (N, W, H, C)."""

import torch


def to_channels_last(x: torch.Tensor) -> torch.Tensor:
    return x.permute(0, 3, 2, 1)
