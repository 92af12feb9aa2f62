"""Reference for gather_pairs: PyTorch advanced indexing (negative indices wrap, others raise IndexError)."""

import torch


def gather_pairs(m: torch.Tensor, rows: torch.Tensor, cols: torch.Tensor) -> torch.Tensor:
    return m[rows, cols]
