"""Obfuscated: autograd with the attribute names built at run time."""

import torch

BW, G, RG = "".join(["back", "ward"]), "".join(["gr", "ad"]), "".join(["requires", "_grad_"])


def linear_regression_grads(X, y, w, b):
    w, b = w.detach().clone(), b.detach().clone()
    for t in (w, b):
        getattr(t, RG)()
    with torch.enable_grad():
        loss = ((X @ w + b - y) ** 2).mean()
        getattr(loss, BW)()
    return getattr(w, G), getattr(b, G)
