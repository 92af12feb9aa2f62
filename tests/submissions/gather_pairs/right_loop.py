"""A loop that checks and wraps each index by hand, then stacks the picked elements."""

import torch


def gather_pairs(m, rows, cols):
    n_rows, n_cols = m.shape
    picked = []
    for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
        if not (-n_rows <= r < n_rows) or not (-n_cols <= c < n_cols):
            raise IndexError(f"index ({r}, {c}) is out of range for a matrix of shape {tuple(m.shape)}")
        picked.append(m[r % n_rows, c % n_cols])
    if not picked:
        return torch.empty(0, dtype=m.dtype)
    return torch.stack(picked)
