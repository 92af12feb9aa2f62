"""Exercise one_hot — One-hot encoding (seed 001 §3.5).

`labels` is an int64 tensor of any shape. Return a float32 tensor of shape `(*labels.shape, num_classes)`:
1.0 at the label's position of the last dimension, 0.0 elsewhere. Raise ValueError for a label outside
[0, num_classes).

`labels` 是任意形状的 int64 张量。返回形状为 `(*labels.shape, num_classes)` 的 float32 张量：
最后一维上标签对应的位置为 1.0，其余为 0.0。标签不在 [0, num_classes) 内时抛出 ValueError。

Not allowed: torch.nn.functional.one_hot.
不允许使用：torch.nn.functional.one_hot。

Check your work: pytest exercises/ -k one_hot
"""

import torch


def one_hot(labels: torch.Tensor, num_classes: int) -> torch.Tensor:
    raise NotImplementedError("exercise one_hot: replace this line with your code")
