"""Differentiates the sum of squared errors: forgets the 1/n of the mean."""


def linear_regression_grads(X, y, w, b):
    r = X @ w + b - y
    return 2 * X.T @ r, 2 * r.sum()
