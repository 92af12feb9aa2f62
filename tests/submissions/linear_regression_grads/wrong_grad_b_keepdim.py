"""Reduces the bias gradient with keepdim=True: shape (1,) instead of 0-d like b."""


def linear_regression_grads(X, y, w, b):
    n = X.shape[0]
    r = X @ w + b - y
    return 2 * X.T @ r / n, 2 * r.sum(dim=0, keepdim=True) / n
