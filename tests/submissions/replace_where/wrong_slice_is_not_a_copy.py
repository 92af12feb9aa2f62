"""Believes x[:] makes a copy (true for Python lists, not for tensors), so x is modified."""


def replace_where(x, mask, value):
    out = x[:]
    out[mask] = value
    return out
