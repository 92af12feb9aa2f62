"""Broadcasts all differences at once (n, m, d) and sums their squares."""


def pairwise_sq_distances(x, y):
    diff = x.unsqueeze(1) - y.unsqueeze(0)
    return (diff**2).sum(-1)
