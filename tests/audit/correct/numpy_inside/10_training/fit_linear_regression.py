"""Exercise fit_linear_regression — Linear regression by gradient descent (seed 002 §3.3). NumPy loop."""

import numpy as np
import torch


def fit_linear_regression(X, y, epochs=200, lr=0.1):
    X_, y_ = X.numpy(), y.numpy()
    n, d = X_.shape
    w = np.zeros(d, dtype=X_.dtype)
    b = np.zeros((), dtype=X_.dtype)
    for _ in range(epochs):
        err = X_.dot(w) + b - y_
        d_err = 2 * err / n  # dMSE/d(err)
        grad_w = X_.T.dot(d_err)
        grad_b = d_err.sum()
        w = w - lr * grad_w
        b = b - lr * grad_b
    return torch.from_numpy(np.asarray(w, dtype=X_.dtype)), torch.from_numpy(np.asarray(b, dtype=X_.dtype))
