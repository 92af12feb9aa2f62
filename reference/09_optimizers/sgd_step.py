"""Reference for sgd_step: torch.optim.SGD itself, stepped once on a private copy of the parameter."""

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
    p = param.detach().clone()
    p.grad = grad.detach().clone()
    opt = torch.optim.SGD(
        [p],
        lr=lr,
        momentum=momentum,
        dampening=0,
        weight_decay=weight_decay,
        nesterov=nesterov,
        foreach=False,
    )
    if buf is not None and momentum != 0:
        opt.state[p]["momentum_buffer"] = buf.detach().clone()
    opt.step()
    new_buf = opt.state[p].get("momentum_buffer") if momentum != 0 else None
    return p.detach(), new_buf
