"""Exercise sgd_step — One SGD step, by hand.
Tutorial: "PyTorch basics: from NumPy to deep learning", §5
教程：《PyTorch 入门教程：从 NumPy 到深度学习》§5

Do one update of a single parameter tensor exactly as `torch.optim.SGD(..., lr, momentum, weight_decay,
nesterov)` would (dampening 0), without using `torch.optim`. `param` and `grad` are tensors of the same
shape; `buf` is the momentum buffer: `None` before the first step, afterwards the buffer the previous call
returned. Return `(new_param, new_buf)`; `new_buf` is `None` when `momentum` is 0.

Per step: `g = grad + weight_decay * param`; with momentum, the buffer starts as a copy of `g` on the first
step and becomes `momentum * buf + g` afterwards; the update direction is the buffer (or
`g + momentum * buf` with `nesterov=True`, or just `g` without momentum);
`new_param = param - lr * direction`.
Leave `param`, `grad` and `buf` unchanged: return new tensors.

不用 `torch.optim`，对单个参数张量做一次更新，结果要和 `torch.optim.SGD(..., lr, momentum,
weight_decay, nesterov)`（dampening 为 0）完全一致。`param` 和 `grad` 形状相同；`buf` 是动量缓冲区：
第一步之前为 `None`，之后就是上一次调用返回的缓冲区。返回 `(new_param, new_buf)`；`momentum` 为 0 时
`new_buf` 为 `None`。

每一步：`g = grad + weight_decay * param`；有动量时，第一步缓冲区就是 `g` 的一份拷贝，之后变成
`momentum * buf + g`；更新方向是缓冲区（`nesterov=True` 时是 `g + momentum * buf`，没有动量时就是 `g`）；
`new_param = param - lr * 方向`。不要改动 `param`、`grad` 和 `buf`：返回新的张量。

Not allowed: anything from torch.optim.
不允许使用：torch.optim 中的任何东西。
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
