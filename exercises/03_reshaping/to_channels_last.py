"""Exercise to_channels_last — Channels last.
Tutorial: "PyTorch basics: from NumPy to deep learning", §2.5
教程：《PyTorch 入门教程：从 NumPy 到深度学习》§2.5

Images often come as `(N, C, H, W)` (PyTorch's layout) but some libraries want `(N, H, W, C)`.
Return `x` rearranged so that `out[n, h, w, c] == x[n, c, h, w]` for every index: same elements, same
dtype, shape `(N, H, W, C)`.

图像张量常见的布局是 `(N, C, H, W)`（PyTorch 的习惯），但有些库需要 `(N, H, W, C)`。
请重新排列 `x`，使每个下标都满足 `out[n, h, w, c] == x[n, c, h, w]`：
元素相同、dtype 相同，形状为 `(N, H, W, C)`。

Check your work: pytest exercises/ -k to_channels_last
"""

import torch


def to_channels_last(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("exercise to_channels_last: replace this line with your code")
