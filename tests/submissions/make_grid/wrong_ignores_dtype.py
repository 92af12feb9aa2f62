"""Forgets to pass the dtype on: always returns int64."""

import torch


def make_grid(rows, cols, dtype=torch.int64):
    return torch.arange(rows * cols).reshape(rows, cols)
