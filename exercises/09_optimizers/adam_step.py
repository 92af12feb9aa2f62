"""Exercise adam_step — One Adam (and AdamW) step, by hand.
Tutorial: "PyTorch basics: from NumPy to deep learning", §5.2
教程：《PyTorch 入门教程：从 NumPy 到深度学习》§5.2

Do one update of a single parameter tensor exactly as `torch.optim.Adam(..., lr, betas, eps,
weight_decay)` would, or as `torch.optim.AdamW` when `decoupled=True`, without using `torch.optim`.
`state` is `{}` before the first step; return `(new_param, new_state)` where `new_state` is a NEW dict with
`"step"` (a Python int: the number of steps taken so far), `"exp_avg"` and `"exp_avg_sq"` (tensors shaped
like `param`). Pass that state back in on the next call.

Per step, with `t` the new step count: Adam adds `weight_decay * param` to the gradient `g`, AdamW
instead shrinks the parameter first (`param * (1 - lr * weight_decay)`); then
`m = beta1 * m + (1 - beta1) * g`, `v = beta2 * v + (1 - beta2) * g * g` (both start at zero), and
`new_param = param - lr * (m / (1 - beta1**t)) / (sqrt(v / (1 - beta2**t)) + eps)`.
Leave `param`, `grad` and the given `state` (and the tensors in it) unchanged.

不用 `torch.optim`，对单个参数张量做一次更新，结果要和 `torch.optim.Adam(..., lr, betas, eps,
weight_decay)` 完全一致；`decoupled=True` 时则和 `torch.optim.AdamW` 一致。第一步之前 `state` 为 `{}`；
返回 `(new_param, new_state)`，其中 `new_state` 是一个新的字典，包含 `"step"`（Python 整数：到目前为止
走了几步）、`"exp_avg"` 和 `"exp_avg_sq"`（形状和 `param` 相同的张量）。下一次调用时把这个状态传回来。

每一步，设 `t` 为新的步数：Adam 把 `weight_decay * param` 加到梯度 `g` 上；AdamW 则先把参数缩小
（`param * (1 - lr * weight_decay)`）；然后 `m = beta1 * m + (1 - beta1) * g`，
`v = beta2 * v + (1 - beta2) * g * g`（两者都从 0 开始），
`new_param = param - lr * (m / (1 - beta1**t)) / (sqrt(v / (1 - beta2**t)) + eps)`。
不要改动 `param`、`grad` 以及传入的 `state`（包括其中的张量）。

Not allowed: anything from torch.optim.
不允许使用：torch.optim 中的任何东西。
Check your work: pytest exercises/ -k adam_step
"""

import torch


def adam_step(
    param: torch.Tensor,
    grad: torch.Tensor,
    state: dict,
    lr: float = 1e-3,
    betas: tuple[float, float] = (0.9, 0.999),
    eps: float = 1e-8,
    weight_decay: float = 0.0,
    decoupled: bool = False,
) -> tuple[torch.Tensor, dict]:
    raise NotImplementedError("exercise adam_step: replace this line with your code")
