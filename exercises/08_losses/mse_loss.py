"""Exercise mse_loss — Mean squared error (seed 001 §6.1).

Return the mean squared error between `pred` and `target` (same shape): square each difference, then
average over every element. The result is a differentiable 0-dim tensor with the inputs' dtype.

返回 `pred` 与 `target`（形状相同）之间的均方误差：每个位置的差先平方，再对所有元素取平均。
结果是可求导的 0 维张量，dtype 与输入相同。

Not allowed: F.mse_loss / nn.MSELoss.
Check your work: pytest exercises/ -k mse_loss
"""

import torch


def mse_loss(pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("exercise mse_loss: replace this line with your code")
