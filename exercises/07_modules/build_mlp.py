"""Exercise build_mlp — Build an MLP with nn.Sequential.
Tutorial: "A PyTorch tutorial for beginners", §9
教程：《PyTorch 入门教程》§9

Return an `nn.Sequential` that starts with `nn.Flatten()` and then has one `nn.Linear` for each pair of
consecutive numbers in `sizes`. Between two Linear layers put `nn.ReLU()` then `nn.Dropout(dropout)` —
always, even when `dropout` is 0 — and nothing after the last Linear. For `sizes = [784, 256, 10]` and
`dropout = 0.2` that is Flatten, Linear(784, 256), ReLU, Dropout(0.2), Linear(256, 10), like MNISTNet in
the seed. An invalid `dropout` raises ValueError, as `nn.Dropout` does.

返回一个 `nn.Sequential`：先是 `nn.Flatten()`，然后 `sizes` 中每一对相邻的数对应一个 `nn.Linear`。
两个 Linear 层之间依次放 `nn.ReLU()` 和 `nn.Dropout(dropout)`——即使 `dropout` 为 0 也要放——
最后一个 Linear 之后什么都不加。例如 `sizes = [784, 256, 10]`、`dropout = 0.2` 时，得到
Flatten、Linear(784, 256)、ReLU、Dropout(0.2)、Linear(256, 10)，与教程中的 MNISTNet 一样。
`dropout` 不合法时抛出 ValueError（`nn.Dropout` 本身就会这样做）。

Check your work: pytest exercises/ -k build_mlp
"""

from collections.abc import Sequence

from torch import nn


def build_mlp(sizes: Sequence[int], dropout: float = 0.0) -> nn.Sequential:
    raise NotImplementedError("exercise build_mlp: replace this line with your code")
