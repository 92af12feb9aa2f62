"""movedim(1, -1) moves the channel dimension to the end, keeping the others in order."""

import torch


def to_channels_last(x: torch.Tensor) -> torch.Tensor:
    return torch.movedim(x, 1, -1)
