"""Multiplies by X instead of X.T: (n, d) @ (n,) only works when n == d, and is wrong even then."""


def linear_regression_grads(X, y, w, b):
    n = X.shape[0]
    r = X @ w + b - y
    return 2 * X @ r / n, 2 * r.mean()
