"""Exercise make_grid — A numbered grid (seed 001 §3.4).

Return a tensor of shape `(rows, cols)` and dtype `dtype` whose element `[i, j]` is `i * cols + j`
(0, 1, 2, ... written row by row). `rows` and `cols` are ints >= 0; with a 0 the result is empty but
keeps the shape `(rows, cols)`.

返回形状为 `(rows, cols)`、dtype 为 `dtype` 的张量，元素 `[i, j]` 等于 `i * cols + j`
（把 0, 1, 2, ... 按行填入）。`rows`、`cols` 是 >= 0 的整数；有一个为 0 时结果为空，
但形状仍是 `(rows, cols)`。

Check your work: pytest exercises/ -k make_grid
"""

import torch


def make_grid(rows: int, cols: int, dtype: torch.dtype = torch.int64) -> torch.Tensor:
    raise NotImplementedError("exercise make_grid: replace this line with your code")
