"""Exercise mlp_backward — Backpropagation through a small MLP, by hand (seed 000 §3.4)."""

import torch


def mlp_backward(x, W1, b1, W2, b2, y):
    # forward, keeping the intermediates
    z1 = x @ W1 + b1
    a1 = torch.relu(z1)
    out = a1 @ W2 + b2
    # backward
    d_out = 2 * (out - y) / out.numel()  # mean over all n*k entries
    dW2 = a1.T @ d_out
    db2 = d_out.sum(dim=0)
    d_a1 = d_out @ W2.T
    d_z1 = d_a1 * (z1 > 0)  # relu'(0) = 0
    dW1 = x.T @ d_z1
    db1 = d_z1.sum(dim=0)
    return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
