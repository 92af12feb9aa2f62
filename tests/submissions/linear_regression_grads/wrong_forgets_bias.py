"""Leaves b out of the residual, so both gradients are computed for the wrong prediction."""


def linear_regression_grads(X, y, w, b):
    n = X.shape[0]
    r = X @ w - y
    return 2 * X.T @ r / n, 2 * r.sum() / n
