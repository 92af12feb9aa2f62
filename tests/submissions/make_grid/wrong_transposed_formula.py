"""Uses i * rows + j instead of i * cols + j (fills column by column when read as a matrix)."""

import torch


def make_grid(rows, cols, dtype=torch.int64):
    return torch.arange(rows * cols, dtype=dtype).reshape(cols, rows).t()
