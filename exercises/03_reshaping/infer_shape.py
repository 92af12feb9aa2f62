"""Exercise infer_shape — Work out the -1 (seed 000 §2.5).

Given the number of elements `numel` and a tuple `shape` that may hold one -1, return the complete shape
as a tuple of ints, exactly as torch.reshape would resolve it. Raise ValueError for two or more -1s, a
size below -1, or sizes that cannot hold `numel` elements (including a -1 that cannot be worked out,
such as (0, -1) for 0 elements). Plain Python: no tensors.

给定元素个数 `numel` 和可能含有一个 -1 的形状 `shape`，按 torch.reshape 的规则返回完整的形状（整数 tuple）。
出现两个以上 -1、某维小于 -1、或装不下 `numel` 个元素（包括无法确定的 -1，如 0 个元素时的 (0, -1)）时
抛出 ValueError。只用纯 Python，不要创建张量。

Not allowed: reshape/view and building a tensor (torch.empty, torch.zeros, numpy arrays, ...) to ask PyTorch.
Check your work: pytest exercises/ -k infer_shape
"""


def infer_shape(numel: int, shape: tuple[int, ...]) -> tuple[int, ...]:
    raise NotImplementedError("exercise infer_shape: replace this line with your code")
