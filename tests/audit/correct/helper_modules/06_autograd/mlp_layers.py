"""Modular layers, EECS 498-007 assignment 3 style: forward returns (out, cache), backward takes the cache."""

import torch


class Linear:
    @staticmethod
    def forward(x, w, b):
        """x (N, D), w (D, M), b (M,) -> out (N, M)."""
        out = x @ w + b
        cache = (x, w, b)
        return out, cache

    @staticmethod
    def backward(dout, cache):
        x, w, b = cache
        dx = dout @ w.t()
        dw = x.t() @ dout
        db = dout.sum(dim=0)
        return dx, dw, db


class ReLU:
    @staticmethod
    def forward(x):
        out = x.clamp(min=0)
        cache = x
        return out, cache

    @staticmethod
    def backward(dout, cache):
        x = cache
        return dout * (x > 0)  # gradient 0 where x <= 0


def mse_loss(pred, y):
    """Mean over every entry; returns (loss, dpred)."""
    diff = pred - y
    loss = (diff * diff).mean()
    dpred = 2 * diff / diff.numel()
    return loss, dpred
