"""Exercise one_hot — One-hot encoding.
Tutorial: "A PyTorch tutorial for beginners", §3.5
教程：《PyTorch 入门教程》§3.5

`labels` is an int64 tensor of any shape (0-d and empty included) holding class numbers. Return a float32
tensor of shape `(*labels.shape, num_classes)` that is 1.0 at position `labels[...]` of the last
dimension and 0.0 everywhere else. Raise ValueError when a label lies outside [0, num_classes).
`torch.nn.functional.one_hot` is off limits.

`labels` 是任意形状（包括 0 维和空张量）的 int64 张量，存放类别编号。返回形状为
`(*labels.shape, num_classes)` 的 float32 张量：最后一维上第 `labels[...]` 个位置为 1.0，
其余位置都是 0.0。若有标签不在 [0, num_classes) 范围内，抛出 ValueError。
不能使用 `torch.nn.functional.one_hot`。

Not allowed: torch.nn.functional.one_hot.
不允许使用：函数 torch.nn.functional.one_hot。
Check your work: pytest exercises/ -k one_hot
"""

import torch


def one_hot(labels: torch.Tensor, num_classes: int) -> torch.Tensor:
    raise NotImplementedError("exercise one_hot: replace this line with your code")
