"""Obfuscated: requires_grad_ and backward through methodcaller, .grad through attrgetter."""

import operator

import torch


def linear_regression_grads(X, y, w, b):
    track = operator.methodcaller("requires_grad_")
    w, b = track(w.detach().clone()), track(b.detach().clone())
    with torch.enable_grad():
        operator.methodcaller("backward")(((X @ w + b - y) ** 2).mean())
    return operator.attrgetter("grad")(w), operator.attrgetter("grad")(b)
