"""Indexes rows and then columns separately, which takes the whole grid (L, L), not the pairs."""


def gather_pairs(m, rows, cols):
    return m[rows][:, cols]
