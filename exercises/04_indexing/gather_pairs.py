"""Exercise gather_pairs — Gather pairs of indices (seed 000 §2.6).

`m` is 2-D; `rows` and `cols` are 1-D int64 tensors of equal length L. Return the 1-D tensor `out` of
length L, `m`'s dtype, with `out[i] = m[rows[i], cols[i]]`. Negative indices count from the end (as in
PyTorch); an index outside [-size, size) raises IndexError.

`m` 是二维张量；`rows`、`cols` 是长度同为 L 的一维 int64 张量。返回长度为 L、dtype 与 `m` 相同的
一维张量 `out`，满足 `out[i] = m[rows[i], cols[i]]`。负下标从末尾数起（与 PyTorch 一致）；
下标超出 [-size, size) 时抛出 IndexError。

Check your work: pytest exercises/ -k gather_pairs
"""

import torch


def gather_pairs(m: torch.Tensor, rows: torch.Tensor, cols: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("exercise gather_pairs: replace this line with your code")
