"""Exercise train_step — One training step.
Tutorial: "PyTorch basics: from NumPy to deep learning", §5.1, §6
教程：《PyTorch 入门教程：从 NumPy 到深度学习》§5.1、§6

Do one optimisation step of `model` on one batch and return that batch's loss as a Python float.
The order matters: switch the model to training mode, clear the gradients left over from before,
run the forward pass, compute `loss_fn(outputs, targets)`, back-propagate, then let the optimizer
update the parameters.

在一个批次上对 `model` 做一次优化，并以 Python float 返回这个批次的损失。
顺序很重要：先把模型切换到训练模式，清除之前残留的梯度，做前向传播，计算 `loss_fn(outputs, targets)`，
反向传播，最后让优化器更新参数。

Check your work: pytest exercises/ -k train_step
"""

from collections.abc import Callable

import torch
from torch import nn


def train_step(
    model: nn.Module,
    inputs: torch.Tensor,
    targets: torch.Tensor,
    loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
    optimizer: torch.optim.Optimizer,
) -> float:
    raise NotImplementedError("exercise train_step: replace this line with your code")
