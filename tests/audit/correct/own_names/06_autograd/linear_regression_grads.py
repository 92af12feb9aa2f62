"""Exercise linear_regression_grads — Linear regression gradients, by hand (seed 002 §3.3).

I built Karpathy's micrograd ("Neural Networks: Zero to Hero") for whole tensors: each Node has .data,
.grad and a _backward closure, and Node.backward() walks the graph in reverse topological order. It is
my own reverse-mode engine; torch only does the arithmetic.
"""

import torch


class Node:
    def __init__(self, data, _children=(), _op=""):
        self.data = data
        self.grad = torch.zeros_like(data)
        self._backward = lambda: None
        self._prev = set(_children)
        self._op = _op

    def matvec(self, other):
        out = Node(self.data @ other.data, (self, other), "@")

        def _backward():
            self.grad += out.grad.unsqueeze(1) * other.data.unsqueeze(0)
            other.grad += self.data.T @ out.grad

        out._backward = _backward
        return out

    def __add__(self, other):
        out = Node(self.data + other.data, (self, other), "+")

        def _backward():
            self.grad += _unbroadcast(out.grad, self.data.shape)
            other.grad += _unbroadcast(out.grad, other.data.shape)

        out._backward = _backward
        return out

    def __sub__(self, other):
        out = Node(self.data - other.data, (self, other), "-")

        def _backward():
            self.grad += _unbroadcast(out.grad, self.data.shape)
            other.grad -= _unbroadcast(out.grad, other.data.shape)

        out._backward = _backward
        return out

    def square(self):
        out = Node(self.data**2, (self,), "**2")

        def _backward():
            self.grad += 2 * self.data * out.grad

        out._backward = _backward
        return out

    def mean(self):
        out = Node(self.data.mean(), (self,), "mean")

        def _backward():
            self.grad += out.grad * torch.ones_like(self.data) / self.data.numel()

        out._backward = _backward
        return out

    def backward(self):
        topo, visited = [], set()

        def build_topo(v):
            if v not in visited:
                visited.add(v)
                for child in v._prev:
                    build_topo(child)
                topo.append(v)

        build_topo(self)
        self.grad = torch.ones_like(self.data)
        for v in reversed(topo):
            v._backward()


def _unbroadcast(grad, shape):
    while grad.dim() > len(shape):
        grad = grad.sum(dim=0)
    return grad


def linear_regression_grads(X, y, w, b):
    X_, y_, w_, b_ = Node(X), Node(y), Node(w), Node(b)
    loss = (X_.matvec(w_) + b_ - y_).square().mean()
    loss.backward()
    return w_.grad, b_.grad
