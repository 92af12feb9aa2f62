"""Updates param and the buffer in place, as torch.optim does, changing the caller's tensors."""

import torch


def sgd_step(param, grad, buf, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    with torch.no_grad():
        g = grad.add(param, alpha=weight_decay)
        if momentum != 0:
            if buf is None:
                buf = g.clone()
            else:
                buf.mul_(momentum).add_(g)
            g = g.add(buf, alpha=momentum) if nesterov else buf
        param.add_(g, alpha=-lr)
    return param, (buf if momentum != 0 else None)
