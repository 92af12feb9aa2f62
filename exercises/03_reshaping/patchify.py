"""Exercise patchify — Cut an image into patches.
Tutorial: "PyTorch basics: from NumPy to deep learning", §2.5
教程：《PyTorch 入门教程：从 NumPy 到深度学习》§2.5

Vision Transformers cut an image into square patches. Given an image `img` of shape `(C, H, W)` and a
patch size `p`, return a tensor of shape `(H/p · W/p, C·p·p)`: one row per p×p patch, patches in
row-major grid order (left to right along the top row of patches, then the next row down), and each
patch flattened in `(C, p, p)` order — all of channel 0's p×p pixels row by row, then channel 1's, and
so on. Row k is then `img[:, i*p:(i+1)*p, j*p:(j+1)*p].flatten()` for the k-th patch (i, j).
Raise ValueError unless p divides both H and W. Any dtype.

Vision Transformer 会把图像切成正方形小块（patch）。给定形状为 `(C, H, W)` 的图像 `img` 和小块边长 `p`，
返回形状为 `(H/p · W/p, C·p·p)` 的张量：每个 p×p 小块占一行；小块按网格的行优先顺序排列（先从左到右
排完最上面一行小块，再排下一行）；每个小块按 `(C, p, p)` 顺序展平——先是通道 0 的 p×p 个像素（逐行），
再是通道 1 的，依此类推。也就是说，第 k 个小块 (i, j) 对应的行就是
`img[:, i*p:(i+1)*p, j*p:(j+1)*p].flatten()`。p 不能同时整除 H 和 W 时抛出 ValueError。适用于任何 dtype。

Not allowed: unfold (Tensor.unfold, F.unfold, nn.Unfold) and NumPy's sliding_window_view.
不允许使用：unfold（Tensor.unfold、F.unfold、nn.Unfold）以及 NumPy 的 sliding_window_view。
Check your work: pytest exercises/ -k patchify
"""

import torch


def patchify(img: torch.Tensor, p: int) -> torch.Tensor:
    raise NotImplementedError("exercise patchify: replace this line with your code")
