"""Builds the differences the other way round, giving an (m, n) result."""


def pairwise_sq_distances(x, y):
    return ((y[:, None, :] - x[None, :, :]) ** 2).sum(-1)
