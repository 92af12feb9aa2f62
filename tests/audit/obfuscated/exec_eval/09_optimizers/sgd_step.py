"""Obfuscated: torch.optim.SGD built inside a string given to eval."""

import torch


def sgd_step(param, grad, buf, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    p = param.clone()
    p.grad = grad.clone()
    opt = eval(
        "torch.optim.SGD([p], lr=lr, momentum=m, weight_decay=wd, nesterov=nv)",
        {"torch": torch, "p": p, "lr": lr, "m": momentum, "wd": weight_decay, "nv": nesterov},
    )
    if buf is not None and momentum != 0:
        opt.state[p]["momentum_buffer"] = buf.clone()
    opt.step()
    return p.detach(), opt.state[p].get("momentum_buffer")
