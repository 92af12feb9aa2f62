"""Exercise sgd_step — One SGD step, by hand (seed 000 §5).

I read torch/optim/sgd.py and rewrote its _single_tensor_sgd loop myself (lists of params, d_p_list,
momentum_buffer_list), working on clones so the caller's tensors stay untouched.
"""

import torch


def _single_tensor_sgd(params, d_p_list, momentum_buffer_list, *, weight_decay, momentum, lr, nesterov):
    for i, param in enumerate(params):
        d_p = d_p_list[i]
        if weight_decay != 0:
            d_p = d_p.add(param, alpha=weight_decay)
        if momentum != 0:
            buf = momentum_buffer_list[i]
            if buf is None:
                buf = d_p.detach().clone()
                momentum_buffer_list[i] = buf
            else:
                buf.mul_(momentum).add_(d_p)
            d_p = d_p.add(buf, alpha=momentum) if nesterov else buf
        param.add_(d_p, alpha=-lr)


def sgd_step(param, grad, buf, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    params = [param.clone()]
    momentum_buffer_list = [None if buf is None else buf.clone()]
    _single_tensor_sgd(
        params,
        [grad],
        momentum_buffer_list,
        weight_decay=weight_decay,
        momentum=momentum,
        lr=lr,
        nesterov=nesterov,
    )
    new_buf = momentum_buffer_list[0] if momentum != 0 else None
    return params[0], new_buf
