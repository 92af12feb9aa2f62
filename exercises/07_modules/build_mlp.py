"""Exercise build_mlp — Build an MLP with nn.Sequential (seed 001 §9).

Return an `nn.Sequential`: `nn.Flatten()`, then one `nn.Linear` per pair of consecutive numbers in `sizes`,
with `nn.ReLU()` then `nn.Dropout(dropout)` between two Linear layers (always, even for dropout 0) and
nothing after the last one. An invalid `dropout` raises ValueError, as `nn.Dropout` does.

返回一个 `nn.Sequential`：先 `nn.Flatten()`，然后 `sizes` 中每对相邻的数对应一个 `nn.Linear`；
两个 Linear 之间依次放 `nn.ReLU()` 和 `nn.Dropout(dropout)`（dropout 为 0 时也要放），
最后一个 Linear 之后什么都不加。`dropout` 不合法时抛出 ValueError（与 `nn.Dropout` 一致）。

Check your work: pytest exercises/ -k build_mlp
"""

from collections.abc import Sequence

from torch import nn


def build_mlp(sizes: Sequence[int], dropout: float = 0.0) -> nn.Sequential:
    raise NotImplementedError("exercise build_mlp: replace this line with your code")
