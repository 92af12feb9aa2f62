"""Computes in float64 "for accuracy" and forgets to convert back to the input's dtype."""


def pairwise_sq_distances(x, y):
    x, y = x.double(), y.double()
    return (x.pow(2).sum(1, keepdim=True) + y.pow(2).sum(1) - 2 * x @ y.T).clamp(min=0)
