"""Fused torch.add(..., alpha=) for decay, momentum and the step (one rounding each), on contiguous copies."""

import torch


def sgd_step(param, grad, buf, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    p = param.contiguous()
    g = torch.add(grad.contiguous(), p, alpha=weight_decay) if weight_decay else grad.clone()
    if momentum == 0:
        return torch.add(p, g, alpha=-lr), None
    new_buf = g.clone() if buf is None else torch.add(g, buf, alpha=momentum)
    direction = torch.add(g, new_buf, alpha=momentum) if nesterov else new_buf
    return torch.add(p, direction, alpha=-lr), new_buf
