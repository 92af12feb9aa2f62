"""Exercise column_stats — Statistics per column.
Tutorial: "A PyTorch tutorial for beginners", §3.3
教程：《PyTorch 入门教程》§3.3

`x` is a 2-D float tensor with at least 2 rows and at least 1 column. Return the tuple
`(mean, std, max, argmax)`, each computed down every column, so each has shape `(cols,)`:
the mean, the unbiased standard deviation (divide by n - 1, PyTorch's default `correction=1`),
the largest value, and the row index of the largest value (an int64 tensor; when a column's maximum
appears several times, the first row wins, as in `torch.argmax`). Floats keep `x`'s dtype.

`x` 是一个二维浮点张量，至少 2 行、至少 1 列。返回元组 `(mean, std, max, argmax)`，
每一项都沿着每一列向下计算，所以形状都是 `(cols,)`：均值、无偏标准差（除以 n - 1，
即 PyTorch 默认的 `correction=1`）、最大值，以及最大值所在的行号（int64 张量；
如果某列的最大值出现多次，取最靠前的那一行，和 `torch.argmax` 一致）。浮点结果保持 `x` 的 dtype。

Check your work: pytest exercises/ -k column_stats
"""

import torch


def column_stats(x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    raise NotImplementedError("exercise column_stats: replace this line with your code")
