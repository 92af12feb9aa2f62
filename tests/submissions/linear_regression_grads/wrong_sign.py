"""Writes the residual as y - prediction but keeps the + sign: both gradients point the wrong way."""


def linear_regression_grads(X, y, w, b):
    n = X.shape[0]
    r = y - (X @ w + b)
    return 2 * X.T @ r / n, 2 * r.sum() / n
