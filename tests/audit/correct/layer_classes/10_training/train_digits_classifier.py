"""Exercise train_digits_classifier — Train a handwritten-digit classifier (seed 001 §9).

The TwoLayerNet of "Deep Learning from Scratch" ch. 5: Affine / Relu / SoftmaxWithLoss layers, each with
forward and backward, trained with plain SGD on mini-batches. No autograd, no torch.optim. The trained
net is an nn.Module so the grader can call it on (N, 1, 8, 8) images.
"""

from collections import OrderedDict

import torch
from torch import nn

from grader.datasets import digits_train


class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b
        self.x = self.dW = self.db = None

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        self.dW = self.x.T @ dout
        self.db = dout.sum(dim=0)
        return dout @ self.W.T


class Relu:
    def forward(self, x):
        self.mask = x <= 0
        return x.masked_fill(self.mask, 0.0)

    def backward(self, dout):
        return dout.masked_fill(self.mask, 0.0)


class SoftmaxWithLoss:
    def forward(self, x, t):
        self.t = t
        z = x - x.max(dim=1, keepdim=True).values
        self.y = torch.softmax(z, dim=1)
        return -torch.log(self.y[torch.arange(len(t)), t] + 1e-7).mean()

    def backward(self, dout=1):
        dx = self.y.clone()
        dx[torch.arange(len(self.t)), self.t] -= 1
        return dout * dx / len(self.t)


class TwoLayerNet(nn.Module):
    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.1):
        super().__init__()
        self.params = {
            "W1": weight_init_std * torch.randn(input_size, hidden_size),
            "b1": torch.zeros(hidden_size),
            "W2": weight_init_std * torch.randn(hidden_size, output_size),
            "b2": torch.zeros(output_size),
        }
        self.build_layers()
        self.last_layer = SoftmaxWithLoss()

    def build_layers(self):
        self.layers = OrderedDict()
        self.layers["Affine1"] = Affine(self.params["W1"], self.params["b1"])
        self.layers["Relu1"] = Relu()
        self.layers["Affine2"] = Affine(self.params["W2"], self.params["b2"])

    def predict(self, x):
        x = x.reshape(x.shape[0], -1)
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    forward = predict

    def loss(self, x, t):
        return self.last_layer.forward(self.predict(x), t)

    def gradient(self, x, t):
        self.loss(x, t)
        dout = self.last_layer.backward(1)
        for layer in reversed(list(self.layers.values())):
            dout = layer.backward(dout)
        return {
            "W1": self.layers["Affine1"].dW,
            "b1": self.layers["Affine1"].db,
            "W2": self.layers["Affine2"].dW,
            "b2": self.layers["Affine2"].db,
        }


def train_digits_classifier(seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
    x_train, t_train = digits_train()
    network = TwoLayerNet(input_size=64, hidden_size=100, output_size=10)

    learning_rate = 0.5
    batch_size = 64
    for epoch in range(20):
        perm = torch.randperm(len(t_train))
        for i in range(0, len(t_train), batch_size):
            idx = perm[i : i + batch_size]
            grad = network.gradient(x_train[idx], t_train[idx])
            for key in ("W1", "b1", "W2", "b2"):
                network.params[key] -= learning_rate * grad[key]  # in place: the layers hold the same tensors
    return network.eval()
