"""flatten(1) for 2-D and up, unsqueeze(1) for a 1-D x."""

import torch


def flatten_batch(x: torch.Tensor) -> torch.Tensor:
    if x.dim() == 1:
        return x.unsqueeze(1)
    return x.flatten(1)
