"""Checks the range as 0 <= i < size, so valid negative indices raise IndexError."""

import torch


def gather_pairs(m, rows, cols):
    out = []
    for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
        if not (0 <= r < m.shape[0] and 0 <= c < m.shape[1]):
            raise IndexError(f"index ({r}, {c}) out of range for shape {tuple(m.shape)}")
        out.append(m[r, c])
    return torch.stack(out) if out else m.new_empty(0)
