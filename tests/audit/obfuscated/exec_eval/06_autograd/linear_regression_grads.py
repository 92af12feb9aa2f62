"""Obfuscated: torch.autograd.grad inside a string given to eval."""

import torch


def linear_regression_grads(X, y, w, b):
    w = w.detach().clone()
    b = b.detach().clone()
    env = {"torch": torch, "X": X, "y": y, "w": w, "b": b}
    with torch.enable_grad():
        exec("w.requires_grad_(); b.requires_grad_()", env)
        loss = ((X @ w + b - y) ** 2).mean()
        env["loss"] = loss
        return eval("torch.autograd.grad(loss, (w, b))", env)
