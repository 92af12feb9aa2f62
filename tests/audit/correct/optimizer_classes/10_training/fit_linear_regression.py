"""Exercise fit_linear_regression — Linear regression by gradient descent (seed 002 §3.3).

Autograd for the gradient (as in the seed), and my own optimizer class with zero_grad() and step().
"""

import torch


class GradientDescent:
    def __init__(self, params, lr):
        self.params = list(params)
        self.lr = lr

    def zero_grad(self):
        for p in self.params:
            if p.grad is not None:
                p.grad.zero_()

    @torch.no_grad()
    def step(self):
        for p in self.params:
            p -= self.lr * p.grad


def fit_linear_regression(X, y, epochs=200, lr=0.1):
    w = torch.zeros(X.shape[1], dtype=X.dtype, requires_grad=True)
    b = torch.zeros((), dtype=X.dtype, requires_grad=True)
    optimizer = GradientDescent([w, b], lr=lr)
    for epoch in range(epochs):
        optimizer.zero_grad()
        loss = ((X @ w + b - y) ** 2).mean()
        loss.backward()
        optimizer.step()
    return w.detach(), b.detach()
