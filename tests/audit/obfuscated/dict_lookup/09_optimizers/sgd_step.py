"""Obfuscated: torch.optim.SGD looked up in vars(torch)["optim"]."""

import torch


def sgd_step(param, grad, buf, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    SGD = vars(vars(torch)["optim"])["SGD"]
    p = param.clone()
    p.grad = grad.clone()
    opt = SGD([p], lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov)
    if buf is not None and momentum != 0:
        opt.state[p]["momentum_buffer"] = buf.clone()
    opt.step()
    return p.detach(), opt.state[p].get("momentum_buffer")
