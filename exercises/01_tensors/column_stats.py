"""Exercise column_stats — Statistics per column (seed 001 §3.3).

`x` is a 2-D float tensor with at least 2 rows. Return `(mean, std, max, argmax)`, each computed down
every column and of shape `(cols,)`: the mean, the unbiased standard deviation (divide by n - 1), the
largest value, and the row of the largest value (int64; on ties the first row wins, as `torch.argmax`).

`x` 是至少 2 行的二维浮点张量。返回 `(mean, std, max, argmax)`，每一项都沿每一列向下计算，
形状为 `(cols,)`：均值、无偏标准差（除以 n - 1）、最大值、最大值所在行号（int64；
最大值出现多次时取最靠前的一行，与 `torch.argmax` 一致）。

Check your work: pytest exercises/ -k column_stats
"""

import torch


def column_stats(x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    raise NotImplementedError("exercise column_stats: replace this line with your code")
