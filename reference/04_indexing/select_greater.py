"""Reference for select_greater: boolean-mask indexing."""

import torch


def select_greater(x: torch.Tensor, threshold: float) -> torch.Tensor:
    return x[x > threshold]
