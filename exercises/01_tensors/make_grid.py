"""Exercise make_grid — A numbered grid.
Tutorial: "A PyTorch tutorial for beginners", §3.4
教程：《PyTorch 入门教程》§3.4

Return a tensor of shape `(rows, cols)` and dtype `dtype` whose element `[i, j]` is `i * cols + j`:
the numbers 0, 1, 2, ... written row by row. `rows` and `cols` are ints ≥ 0; when either is 0 the result
is empty but still has shape `(rows, cols)`.

返回形状为 `(rows, cols)`、数据类型为 `dtype` 的张量，其中元素 `[i, j]` 等于 `i * cols + j`，
也就是把 0, 1, 2, ... 一行一行地填进去。`rows` 和 `cols` 是 ≥ 0 的整数；其中一个为 0 时，
结果是空张量，但形状仍然必须是 `(rows, cols)`。

Check your work: pytest exercises/ -k make_grid
"""

import torch


def make_grid(rows: int, cols: int, dtype: torch.dtype = torch.int64) -> torch.Tensor:
    raise NotImplementedError("exercise make_grid: replace this line with your code")
