"""Obfuscated: autograd inside a code object compiled from a string."""

import torch

CODE = compile(
    "params = {k: v.detach().clone().requires_grad_() for k, v in raw.items()}\n"
    "with torch.enable_grad():\n"
    "    out = torch.relu(x @ params['W1'] + params['b1']) @ params['W2'] + params['b2']\n"
    "    ((out - y) ** 2).mean().backward()\n"
    "grads = {k: p.grad for k, p in params.items()}\n",
    "<mlp>",
    "exec",
)


def mlp_backward(x, W1, b1, W2, b2, y):
    env = {"torch": torch, "x": x, "y": y, "raw": {"W1": W1, "b1": b1, "W2": W2, "b2": b2}}
    exec(CODE, env)
    return env["grads"]
