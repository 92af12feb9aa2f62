"""Exercise fit_linear_regression — Linear regression by gradient descent (seed 002 §3.3)."""

from gd_utils import mse_gradients, zeros_like_params


def fit_linear_regression(X, y, epochs=200, lr=0.1):
    w, b = zeros_like_params(X)
    for _ in range(epochs):
        grad_w, grad_b = mse_gradients(X, y, w, b)
        w, b = w - lr * grad_w, b - lr * grad_b
    return w, b
