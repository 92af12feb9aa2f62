"""Exercise sgd_step — One SGD step, by hand (seed 000 §5).

Update one parameter tensor exactly as `torch.optim.SGD` would (dampening 0): weight decay added to the
gradient, an optional momentum buffer (`buf`: None before the first step), optional Nesterov. Return
`(new_param, new_buf)`, with `new_buf` None when momentum is 0. Leave the inputs unchanged.

不用 `torch.optim`，对一个参数张量做一次和 `torch.optim.SGD`（dampening 为 0）完全一致的更新：
先加权重衰减，再按需使用动量缓冲区（`buf` 第一步之前为 None）和 Nesterov。返回 `(new_param, new_buf)`，
没有动量时 `new_buf` 为 None。不要改动输入。

Not allowed: anything from torch.optim.
Check your work: pytest exercises/ -k sgd_step
"""

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
    raise NotImplementedError("exercise sgd_step: replace this line with your code")
