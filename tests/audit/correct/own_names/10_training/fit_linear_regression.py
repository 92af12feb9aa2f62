"""Exercise fit_linear_regression — Linear regression by gradient descent (seed 002 §3.3).

sklearn-like class. solve() is MY iterative solver (gradient descent), not a closed form: no lstsq, no
inverse anywhere.
"""

import torch


class LinearRegressionGD:
    def __init__(self, epochs=200, lr=0.1):
        self.epochs = epochs
        self.lr = lr
        self.coef_ = None
        self.intercept_ = None

    def gradient(self, X, y, w, b):
        r = X @ w + b - y
        return 2 * X.T @ r / len(y), 2 * r.mean()

    def solve(self, X, y):
        w = torch.zeros(X.shape[1], dtype=X.dtype)
        b = torch.zeros((), dtype=X.dtype)
        for _ in range(self.epochs):
            gw, gb = self.gradient(X, y, w, b)
            w, b = w - self.lr * gw, b - self.lr * gb
        return w, b

    def fit(self, X, y):
        self.coef_, self.intercept_ = self.solve(X, y)
        return self


def fit_linear_regression(X, y, epochs=200, lr=0.1):
    model = LinearRegressionGD(epochs=epochs, lr=lr).fit(X, y)
    return model.coef_, model.intercept_
