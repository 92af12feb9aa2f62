"""Exercise mse_loss — Mean squared error.
Tutorial: "A PyTorch tutorial for beginners", §6.1
教程：《PyTorch 入门教程》§6.1

Return the mean squared error between `pred` and `target` (two tensors of the same shape): square each
difference, then average over every element. The result is a 0-dim tensor with the inputs' dtype, and it
must stay differentiable, so that `loss.backward()` works during training. This is what `nn.MSELoss()`
computes for regression.

返回 `pred` 和 `target`（两个形状相同的张量）之间的均方误差：先把每个位置的差平方，再对所有元素取平均。
结果是一个 0 维张量，dtype 与输入相同，而且必须保留计算图（可求导），这样训练时才能调用
`loss.backward()`。这正是回归任务里 `nn.MSELoss()` 算的东西。

Not allowed: F.mse_loss / nn.MSELoss.
不允许使用：函数 F.mse_loss 和类 nn.MSELoss。
Check your work: pytest exercises/ -k mse_loss
"""

import torch


def mse_loss(pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("exercise mse_loss: replace this line with your code")
