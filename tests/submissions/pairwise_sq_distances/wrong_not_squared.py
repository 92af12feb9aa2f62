"""Returns the distances themselves (with a square root), not their squares."""


def pairwise_sq_distances(x, y):
    return ((x[:, None, :] - y[None, :, :]) ** 2).sum(-1).sqrt()
