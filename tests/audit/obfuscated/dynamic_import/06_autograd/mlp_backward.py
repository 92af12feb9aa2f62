"""Obfuscated: torch.func.vjp, from a module imported by a built name (importlib)."""

import importlib

import torch


def mlp_backward(x, W1, b1, W2, b2, y):
    func = importlib.import_module("torch" + ".func")

    def loss(W1, b1, W2, b2):
        return ((torch.relu(x @ W1 + b1) @ W2 + b2 - y) ** 2).mean()

    value, pullback = func.vjp(loss, W1, b1, W2, b2)
    grads = pullback(torch.ones_like(value))
    return dict(zip(("W1", "b1", "W2", "b2"), grads))
