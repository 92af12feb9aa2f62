"""Exercise sgd_step — One SGD step, by hand (seed 000 §5).

I wrote my own SGD class with the same interface as torch.optim.SGD (param list, state, step), then
sgd_step builds one for a single parameter. Parameters are tiny objects with .data and .grad.
"""

import torch


class Param:
    def __init__(self, data, grad=None):
        self.data = data
        self.grad = grad


class SGD:
    def __init__(self, params, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
        if nesterov and momentum <= 0:
            raise ValueError("Nesterov momentum requires a momentum")
        self.params = list(params)
        self.lr = lr
        self.momentum = momentum
        self.weight_decay = weight_decay
        self.nesterov = nesterov
        self.state = {}  # id(param) -> {"momentum_buffer": tensor}

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    def step(self):
        for p in self.params:
            if p.grad is None:
                continue
            d_p = p.grad
            if self.weight_decay != 0:
                d_p = d_p + self.weight_decay * p.data
            if self.momentum != 0:
                state = self.state.setdefault(id(p), {})
                buf = state.get("momentum_buffer")
                if buf is None:
                    buf = d_p.clone().detach()
                else:
                    buf = self.momentum * buf + d_p
                state["momentum_buffer"] = buf
                d_p = d_p + self.momentum * buf if self.nesterov else buf
            p.data = p.data - self.lr * d_p  # a new tensor: the caller's param stays as it was


def sgd_step(param, grad, buf, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    p = Param(param, grad)
    optimizer = SGD([p], lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov)
    if buf is not None and momentum != 0:
        optimizer.state[id(p)] = {"momentum_buffer": buf}
    optimizer.step()
    new_buf = optimizer.state.get(id(p), {}).get("momentum_buffer")
    return p.data, new_buf
