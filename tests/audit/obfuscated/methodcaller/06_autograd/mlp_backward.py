"""Obfuscated: requires_grad_ and backward through methodcaller, .grad through attrgetter."""

from operator import attrgetter, methodcaller

import torch

track, run_backward, read_grad = methodcaller("requires_grad_"), methodcaller("backward"), attrgetter("grad")


def mlp_backward(x, W1, b1, W2, b2, y):
    p = {k: track(v.detach().clone()) for k, v in (("W1", W1), ("b1", b1), ("W2", W2), ("b2", b2))}
    with torch.enable_grad():
        out = torch.relu(x @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]
        run_backward(((out - y) ** 2).mean())
    return {k: read_grad(v) for k, v in p.items()}
