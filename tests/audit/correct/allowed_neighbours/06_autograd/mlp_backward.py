"""Exercise mlp_backward — Backpropagation through a small MLP, by hand (seed 000 §3.4).

Every gradient by hand; @torch.no_grad() so that nothing builds a graph by accident (torch.no_grad lives
in torch.autograd.grad_mode, but it switches autograd off, it does not use it).
"""

import torch


@torch.no_grad()
def mlp_backward(x, W1, b1, W2, b2, y):
    z1 = x @ W1 + b1
    a1 = z1.clamp(min=0)
    out = a1 @ W2 + b2
    d_out = 2 * (out - y) / out.numel()
    d_z1 = (d_out @ W2.T) * (z1 > 0)
    return {"W1": x.T @ d_z1, "b1": d_z1.sum(0), "W2": a1.T @ d_out, "b2": d_out.sum(0)}
