"""No matrix product: scales each row of X by its residual, then takes means over the batch."""


def linear_regression_grads(X, y, w, b):
    r = (X * w).sum(dim=1) + b - y
    return 2 * (X * r[:, None]).mean(dim=0), 2 * r.mean()
