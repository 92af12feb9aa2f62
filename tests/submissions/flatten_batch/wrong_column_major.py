"""Reshapes to (rest, B) and transposes: right shape, but each row is taken in column-major order."""

import math

import torch


def flatten_batch(x: torch.Tensor) -> torch.Tensor:
    return x.reshape(math.prod(x.shape[1:]), x.shape[0]).t()
