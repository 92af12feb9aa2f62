"""Exercise train_step — One training step (seed 000 §5.1, §6).

Do one optimisation step on one batch: put the model in training mode, clear the old gradients, run the
forward pass, compute the loss, back-propagate, and let the optimizer update the parameters. Return the
loss of this batch as a Python float.

完成一个批次上的一次优化：把模型切换到训练模式，清除旧梯度，前向传播，计算损失，反向传播，
再让优化器更新参数。以 Python float 返回这个批次的损失。

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
