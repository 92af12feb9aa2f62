"""Obfuscated: torch.func.grad looked up in namespace dicts (vars(torch)["func"].__dict__["grad"])."""

import torch


def _loss(params, x, y):
    W1, b1, W2, b2 = params
    return ((torch.relu(x @ W1 + b1) @ W2 + b2 - y) ** 2).mean()


def mlp_backward(x, W1, b1, W2, b2, y):
    gradient_of = vars(torch)["func"].__dict__["grad"]
    grads = gradient_of(_loss)((W1, b1, W2, b2), x, y)
    return dict(zip(("W1", "b1", "W2", "b2"), grads))
