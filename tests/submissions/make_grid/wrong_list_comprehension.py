"""Builds nested Python lists; with rows == 0 torch.tensor([]) has shape (0,), not (0, cols)."""

import torch


def make_grid(rows, cols, dtype=torch.int64):
    return torch.tensor([[i * cols + j for j in range(cols)] for i in range(rows)], dtype=dtype)
