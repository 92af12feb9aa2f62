"""Obfuscated: torch.optim.SGD, re-exported by a helper as Momentum."""

from optim_compat import Momentum


def sgd_step(param, grad, buf, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    p = param.clone()
    p.grad = grad.clone()
    opt = Momentum([p], lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov)
    if buf is not None and momentum != 0:
        opt.state[p]["momentum_buffer"] = buf.clone()
    opt.step()
    return p.detach(), opt.state[p].get("momentum_buffer")
