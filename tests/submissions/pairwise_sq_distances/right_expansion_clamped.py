"""The fast formula |x|² + |y|² - 2·x·y (one matrix product), clamped at 0 against rounding error."""


def pairwise_sq_distances(x, y):
    x_sq = (x * x).sum(dim=1, keepdim=True)
    y_sq = (y * y).sum(dim=1)
    return (x_sq + y_sq - 2 * x @ y.T).clamp_min(0)
