"""Exercise adam_step — One Adam (and AdamW) step, by hand (seed 000 §5.2).

Update one parameter tensor exactly as `torch.optim.Adam` would (`torch.optim.AdamW` when `decoupled`).
`state` is `{}` before the first step; return `(new_param, new_state)` with a NEW dict holding "step"
(a Python int), "exp_avg" and "exp_avg_sq". Leave `param`, `grad` and the given `state` unchanged.

不用 `torch.optim`，对一个参数张量做一次和 `torch.optim.Adam`（`decoupled=True` 时为 `AdamW`）完全一致的
更新。第一步之前 `state` 为 `{}`；返回 `(new_param, new_state)`，`new_state` 是新的字典，包含 "step"
（Python 整数）、"exp_avg" 和 "exp_avg_sq"。不要改动 `param`、`grad` 和传入的 `state`。

Not allowed: anything from torch.optim.
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
