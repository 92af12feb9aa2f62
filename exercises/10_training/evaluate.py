"""Exercise evaluate — Evaluate a classifier.
Tutorial: "A PyTorch tutorial for beginners", §6.3
教程：《PyTorch 入门教程》§6.3

Return `(mean_loss, accuracy)` of a classifier on `inputs`/`targets`, both as Python floats. Go through
the data in mini-batches of `batch_size` (the last one may be smaller), in evaluation mode and without
building a graph. `loss_fn` returns the mean loss of a batch (like `nn.CrossEntropyLoss()`); the mean
loss you return is per sample over the whole data set. A prediction is the argmax over dim 1 of the
model's output. Afterwards the model must be back in the mode (training or evaluation) it was in.

返回分类模型在 `inputs`/`targets` 上的 `(mean_loss, accuracy)`，两者都是 Python float。
按 `batch_size` 分成小批次遍历数据（最后一批可以更小），使用评估模式，并且不构建计算图。
`loss_fn` 返回一个批次的平均损失（和 `nn.CrossEntropyLoss()` 一样）；你返回的平均损失是整个数据集上
每个样本的平均。预测类别是模型输出在第 1 维上的 argmax。结束后，模型要回到调用前的模式（训练或评估）。

Check your work: pytest exercises/ -k evaluate
"""

from collections.abc import Callable

import torch
from torch import nn


def evaluate(
    model: nn.Module,
    inputs: torch.Tensor,
    targets: torch.Tensor,
    loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
    batch_size: int = 64,
) -> tuple[float, float]:
    raise NotImplementedError("exercise evaluate: replace this line with your code")
