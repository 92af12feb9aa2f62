"""Exercise sgd_step — One SGD step, by hand (seed 000 §5)."""

import torch


def sgd_step(param, grad, buf, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    g = grad
    if weight_decay != 0:
        g = g + weight_decay * param
    new_buf = None
    if momentum != 0:
        if buf is None:
            new_buf = g.clone()  # first step: a copy, never grad itself
        else:
            new_buf = momentum * buf + g
        g = g + momentum * new_buf if nesterov else new_buf
    return param - lr * g, new_buf
