"""Exercise checkpoint — Save and resume training.
Tutorial: "A PyTorch tutorial for beginners", §7
教程：《PyTorch 入门教程》§7

`save_checkpoint(path, model, optimizer, epoch)` writes the model's and the optimizer's state and the
epoch number to `path` (a `str` or any `os.PathLike`, such as `pathlib.Path`).
`load_checkpoint(path, model, optimizer)` reads that file back into an existing model and optimizer of the
same architecture and returns the epoch as an int, so training can continue exactly where it stopped.
Save states, not whole objects: the file must load with `torch.load(path, weights_only=True)`.

`save_checkpoint(path, model, optimizer, epoch)` 把模型和优化器的状态以及 epoch 编号写入 `path`
（`str` 或任意 `os.PathLike`，例如 `pathlib.Path`）。`load_checkpoint(path, model, optimizer)` 把这个文件
读回到已有的、结构相同的模型和优化器中，并以 int 返回 epoch，让训练能从中断处原样继续。
只保存状态，不要保存整个对象：这个文件必须能用 `torch.load(path, weights_only=True)` 读取。

Not allowed: pickle and other object serialisers (dill, cloudpickle, joblib, shelve, marshal).
不允许使用：pickle 以及其他对象序列化工具（dill、cloudpickle、joblib、shelve、marshal）。
Check your work: pytest exercises/ -k checkpoint
"""

import os

import torch
from torch import nn


def save_checkpoint(
    path: str | os.PathLike, model: nn.Module, optimizer: torch.optim.Optimizer, epoch: int
) -> None:
    raise NotImplementedError("exercise checkpoint: replace this line with your code")


def load_checkpoint(path: str | os.PathLike, model: nn.Module, optimizer: torch.optim.Optimizer) -> int:
    raise NotImplementedError("exercise checkpoint: replace this line with your code")
