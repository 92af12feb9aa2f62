"""Exercise infer_shape — Work out the -1.
Tutorial: "PyTorch basics: from NumPy to deep learning", §2.5
教程：《PyTorch 入门教程：从 NumPy 到深度学习》§2.5

`reshape` accepts one `-1` in a shape and works out that size itself. Do the same with plain Python:
given the number of elements `numel` and a tuple `shape`, return the complete shape as a tuple of ints,
exactly as `torch.reshape` would resolve it (a shape without `-1` comes back unchanged when it fits).
Raise ValueError for two or more `-1`s, for a size below -1, and when the sizes cannot hold `numel`
elements — including a `-1` that cannot be worked out, such as `(0, -1)` for 0 elements.
No tensors: building one and reshaping it is not allowed.

`reshape` 允许形状里有一个 `-1`，由它自己算出这一维的大小。请用纯 Python 做同样的事：给定元素个数 `numel`
和一个 tuple 形状 `shape`，返回完整的形状（整数 tuple），结果要和 `torch.reshape` 的推断完全一致
（没有 `-1` 的形状如果合适就原样返回）。以下情况抛出 ValueError：出现两个或更多 `-1`；某一维小于 -1；
这些维度装不下恰好 `numel` 个元素——包括无法确定的 `-1`，比如 0 个元素时的 `(0, -1)`。
不要用张量：创建一个张量再 reshape 是不允许的。

Not allowed: reshape/view and building a tensor (torch.empty, torch.zeros, numpy arrays, ...) to ask PyTorch.
不允许使用：reshape/view，以及为了问 PyTorch 而创建张量（torch.empty、torch.zeros、numpy 数组等）。
Check your work: pytest exercises/ -k infer_shape
"""


def infer_shape(numel: int, shape: tuple[int, ...]) -> tuple[int, ...]:
    raise NotImplementedError("exercise infer_shape: replace this line with your code")
