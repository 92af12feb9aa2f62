"""Sums the squared differences over the points of y instead of over the coordinates."""


def pairwise_sq_distances(x, y):
    return ((x[:, None, :] - y[None, :, :]) ** 2).sum(1)
