"""Obfuscated: torch.func.jacrev from a module imported by a built name (__import__)."""

func = __import__("torch.fu" + "nc", fromlist=["jacrev"])


def linear_regression_grads(X, y, w, b):
    def loss(w, b):
        return ((X @ w + b - y) ** 2).mean()

    grad_w, grad_b = func.jacrev(loss, argnums=(0, 1))(w, b)
    return grad_w, grad_b
