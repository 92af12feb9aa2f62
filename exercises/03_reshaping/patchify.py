"""Exercise patchify — Cut an image into patches (seed 000 §2.5).

Given an image `img` of shape (C, H, W) and a patch size `p`, return shape (H/p * W/p, C*p*p): one row
per p x p patch, patches in row-major grid order, each patch flattened in (C, p, p) order, i.e. row k is
img[:, i*p:(i+1)*p, j*p:(j+1)*p].flatten() for the k-th patch (i, j). Raise ValueError unless p divides
both H and W. Any dtype.

给定形状为 (C, H, W) 的图像 `img` 和小块边长 `p`，返回形状 (H/p * W/p, C*p*p)：每个 p x p 小块一行，
小块按网格行优先顺序排列，每块按 (C, p, p) 顺序展平，即第 k 块 (i, j) 的行是
img[:, i*p:(i+1)*p, j*p:(j+1)*p].flatten()。p 不能同时整除 H 和 W 时抛出 ValueError。适用于任何 dtype。

Not allowed: unfold (Tensor.unfold, F.unfold, nn.Unfold) and NumPy's sliding_window_view.
Check your work: pytest exercises/ -k patchify
"""

import torch


def patchify(img: torch.Tensor, p: int) -> torch.Tensor:
    raise NotImplementedError("exercise patchify: replace this line with your code")
