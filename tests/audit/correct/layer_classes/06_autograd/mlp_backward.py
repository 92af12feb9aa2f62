"""Exercise mlp_backward — Backpropagation through a small MLP, by hand (seed 000 §3.4).

Layers as in CS231n / "Deep Learning from Scratch": every layer has forward and backward, the network
runs them in order and then in reverse.
"""

import torch


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        dx = dout @ self.W.T
        self.dW = self.x.T @ dout
        self.db = dout.sum(dim=0)
        return dx


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x <= 0
        out = x.clone()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout = dout.clone()
        dout[self.mask] = 0  # relu'(0) = 0 as well
        return dout


class MeanSquaredError:
    def forward(self, y_pred, y_true):
        self.diff = y_pred - y_true
        return (self.diff**2).mean()

    def backward(self, dout=1.0):
        return dout * 2 * self.diff / self.diff.numel()


def mlp_backward(x, W1, b1, W2, b2, y):
    layers = [Affine(W1, b1), Relu(), Affine(W2, b2)]
    last = MeanSquaredError()

    out = x
    for layer in layers:
        out = layer.forward(out)
    last.forward(out, y)

    dout = last.backward()
    for layer in reversed(layers):
        dout = layer.backward(dout)

    fc1, _, fc2 = layers
    return {"W1": fc1.dW, "b1": fc1.db, "W2": fc2.dW, "b2": fc2.db}
