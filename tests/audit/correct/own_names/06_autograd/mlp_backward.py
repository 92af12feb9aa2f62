"""Exercise mlp_backward — Backpropagation through a small MLP, by hand (seed 000 §3.4).

My own tiny reverse-mode engine (micrograd, but on tensors): Value objects record how they were made, and
loss.backward() runs every node's _backward in reverse topological order, filling .grad. The local
derivatives in each _backward are written by hand.
"""

import torch


class Value:
    def __init__(self, data, children=()):
        self.data = data
        self.grad = torch.zeros_like(data)
        self._backward = lambda: None
        self._prev = children

    def __matmul__(self, other):
        out = Value(self.data @ other.data, (self, other))

        def _backward():
            self.grad += out.grad @ other.data.T
            other.grad += self.data.T @ out.grad

        out._backward = _backward
        return out

    def __add__(self, other):  # other may be a bias broadcast over the rows
        out = Value(self.data + other.data, (self, other))

        def _backward():
            self.grad += out.grad
            other.grad += out.grad.sum(dim=0) if other.data.dim() < out.data.dim() else out.grad

        out._backward = _backward
        return out

    def __sub__(self, other):
        out = Value(self.data - other.data, (self, other))

        def _backward():
            self.grad += out.grad
            other.grad -= out.grad

        out._backward = _backward
        return out

    def relu(self):
        out = Value(torch.relu(self.data), (self,))

        def _backward():
            self.grad += (self.data > 0) * out.grad  # relu'(0) = 0

        out._backward = _backward
        return out

    def __pow__(self, k):
        out = Value(self.data**k, (self,))

        def _backward():
            self.grad += k * self.data ** (k - 1) * out.grad

        out._backward = _backward
        return out

    def mean(self):
        out = Value(self.data.mean(), (self,))

        def _backward():
            self.grad += out.grad.expand_as(self.data) / self.data.numel()

        out._backward = _backward
        return out

    def backward(self):
        order, seen = [], set()

        def visit(v):
            if id(v) not in seen:
                seen.add(id(v))
                for child in v._prev:
                    visit(child)
                order.append(v)

        visit(self)
        self.grad = torch.ones_like(self.data)
        for v in reversed(order):
            v._backward()


def mlp_backward(x, W1, b1, W2, b2, y):
    params = {"W1": Value(W1), "b1": Value(b1), "W2": Value(W2), "b2": Value(b2)}
    hidden = (Value(x) @ params["W1"] + params["b1"]).relu()
    out = hidden @ params["W2"] + params["b2"]
    loss = ((out - Value(y)) ** 2).mean()
    loss.backward()
    return {name: p.grad for name, p in params.items()}
