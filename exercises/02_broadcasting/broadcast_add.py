"""Exercise broadcast_add — Broadcast add, explicitly.
Tutorial: "PyTorch basics: from NumPy to deep learning", §2.4
教程：《PyTorch 入门教程：从 NumPy 到深度学习》§2.4

Return `a + b` for two tensors whose shapes broadcast, but do the broadcasting yourself: bring both
operands to the common shape (with unsqueeze/reshape, then expand or repeat) so that the addition itself
only ever sees two tensors of the same shape. Raise ValueError when the shapes do not broadcast.

对两个形状可以广播的张量返回 `a + b`，但广播要由你自己来做：先把两个操作数变成共同的形状
（用 unsqueeze/reshape，再用 expand 或 repeat），让加法本身只看到两个形状相同的张量。
形状无法广播时抛出 ValueError。

Not allowed: torch.broadcast_tensors / broadcast_to / broadcast_shapes and NumPy's broadcast helpers.
不允许使用：torch.broadcast_tensors / broadcast_to / broadcast_shapes，以及 NumPy 的广播辅助函数。
Check your work: pytest exercises/ -k broadcast_add
"""

import torch


def broadcast_add(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("exercise broadcast_add: replace this line with your code")
