"""Obfuscated: autograd with the attribute names built at run time."""

import torch


def _name(*parts):
    return "".join(parts)


def mlp_backward(x, W1, b1, W2, b2, y):
    params = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    params = {k: getattr(v.detach().clone(), _name("requires_", "grad_"))() for k, v in params.items()}
    with torch.enable_grad():
        hidden = torch.relu(x @ params["W1"] + params["b1"])
        loss = ((hidden @ params["W2"] + params["b2"] - y) ** 2).mean()
        getattr(loss, _name("back", "ward"))()
    return {k: getattr(v, _name("gr", "ad")) for k, v in params.items()}
