"""Reference for column_stats: PyTorch's own reductions over dim 0."""

import torch


def column_stats(x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    return x.mean(dim=0), x.std(dim=0), x.amax(dim=0), x.argmax(dim=0)
