"""Exercise fit_linear_regression — Linear regression by gradient descent (seed 002 §3.3).

Plain gradient descent; torch.linalg.norm (a neighbour of the forbidden solvers) only logs the gradient norm.
"""

import torch


def fit_linear_regression(X, y, epochs=200, lr=0.1):
    w = torch.zeros(X.shape[1], dtype=X.dtype)
    b = torch.zeros((), dtype=X.dtype)
    history = []
    for epoch in range(epochs):
        r = X @ w + b - y
        gw, gb = 2 * X.T @ r / len(y), 2 * r.mean()
        w, b = w - lr * gw, b - lr * gb
        if epoch % 50 == 0:
            history.append(float(torch.linalg.norm(gw)))
    return w, b
