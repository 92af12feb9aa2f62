"""Calls torch.optim.SGD, which the exercise forbids."""

from torch import optim


def sgd_step(param, grad, buf, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    p = param.clone()
    p.grad = grad.clone()
    opt = optim.SGD([p], lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov)
    if buf is not None:
        opt.state[p]["momentum_buffer"] = buf.clone()
    opt.step()
    return p.detach(), opt.state[p].get("momentum_buffer") if momentum else None
