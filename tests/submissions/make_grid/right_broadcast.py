"""Broadcasts a column of row starts against a row of column offsets, then casts."""

import torch


def make_grid(rows, cols, dtype=torch.int64):
    starts = torch.arange(rows).unsqueeze(1) * cols
    return (starts + torch.arange(cols)).to(dtype)
