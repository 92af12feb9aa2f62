"""Flattens first, then keeps the positions that nonzero() reports for the comparison."""


def select_greater(x, threshold):
    flat = x.reshape(-1)
    keep = (flat > threshold).nonzero().squeeze(1)
    return flat[keep].clone()
