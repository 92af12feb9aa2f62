"""Clones x, then writes value through the mask into the copy."""


def replace_where(x, mask, value):
    out = x.clone()
    out[mask] = value
    return out
