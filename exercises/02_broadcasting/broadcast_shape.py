"""Exercise broadcast_shape — The shape of a broadcast.
Tutorial: "PyTorch basics: from NumPy to deep learning", §2.4
教程：《PyTorch 入门教程：从 NumPy 到深度学习》§2.4

Given two shapes (tuples of ints ≥ 0, of any length, `()` included), return the shape that
broadcasting them produces, as a tuple of ints, following the NumPy/PyTorch rules. Work on the numbers
only: no tensors needed. Raise ValueError when the two shapes do not broadcast.
Example: `broadcast_shape((3, 1, 4), (2, 4))` is `(3, 2, 4)`; `broadcast_shape((2, 3), (2,))` raises.

给定两个形状（由 ≥ 0 的整数组成的 tuple，长度任意，也可以是 `()`），按照 NumPy/PyTorch 的广播规则，
返回广播之后得到的形状（一个整数 tuple）。只需要处理数字，不需要创建张量。两个形状无法广播时抛出 ValueError。
例如：`broadcast_shape((3, 1, 4), (2, 4))` 得到 `(3, 2, 4)`；`broadcast_shape((2, 3), (2,))` 应抛出异常。

Not allowed: torch.broadcast_shapes / broadcast_tensors / broadcast_to and NumPy's broadcast helpers.
不允许使用：torch.broadcast_shapes / broadcast_tensors / broadcast_to，以及 NumPy 的广播辅助函数。
Check your work: pytest exercises/ -k broadcast_shape
"""


def broadcast_shape(shape_a: tuple[int, ...], shape_b: tuple[int, ...]) -> tuple[int, ...]:
    raise NotImplementedError("exercise broadcast_shape: replace this line with your code")
