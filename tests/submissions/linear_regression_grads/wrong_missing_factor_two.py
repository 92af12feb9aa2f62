"""Forgets the 2 that comes down from the square."""


def linear_regression_grads(X, y, w, b):
    n = X.shape[0]
    r = X @ w + b - y
    return X.T @ r / n, r.sum() / n
