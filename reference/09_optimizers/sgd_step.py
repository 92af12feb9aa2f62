"""Reference for sgd_step: torch.optim.SGD itself (dampening 0 by default), stepped once on a private copy."""

import torch


def sgd_step(
    param: torch.Tensor,
    grad: torch.Tensor,
    buf: torch.Tensor | None,
    lr: float,
    momentum: float = 0.0,
    weight_decay: float = 0.0,
    nesterov: bool = False,
) -> tuple[torch.Tensor, torch.Tensor | None]:
    p = param.clone()
    p.grad = grad.clone()
    opt = torch.optim.SGD([p], lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov)
    if buf is not None and momentum != 0:
        opt.state[p]["momentum_buffer"] = buf.clone()
    opt.step()
    new_buf = opt.state[p].get("momentum_buffer")  # SGD keeps no buffer when momentum is 0
    return p, new_buf
