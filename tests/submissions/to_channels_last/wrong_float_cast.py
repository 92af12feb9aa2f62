"""Converts to float on the way (torch.zeros defaults to float32), losing the input's dtype."""

import torch


def to_channels_last(x: torch.Tensor) -> torch.Tensor:
    n, c, h, w = x.shape
    out = torch.zeros(n, h, w, c)
    for i in range(c):
        out[:, :, :, i] = x[:, i]
    return out
