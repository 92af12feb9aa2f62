"""Exercise broadcast_shape — The shape of a broadcast (seed 000 §2.4).

Given two shapes (tuples of ints >= 0, any length, `()` included), return the shape that broadcasting
them produces, as a tuple of ints, following the NumPy/PyTorch rules. Raise ValueError when the shapes
do not broadcast. Example: broadcast_shape((3, 1, 4), (2, 4)) == (3, 2, 4).

给定两个形状（由 >= 0 的整数组成的 tuple），按 NumPy/PyTorch 的广播规则返回广播后的形状（整数 tuple）；
无法广播时抛出 ValueError。例如 broadcast_shape((3, 1, 4), (2, 4)) == (3, 2, 4)。

Not allowed: torch.broadcast_shapes / broadcast_tensors / broadcast_to and NumPy's broadcast helpers.
Check your work: pytest exercises/ -k broadcast_shape
"""


def broadcast_shape(shape_a: tuple[int, ...], shape_b: tuple[int, ...]) -> tuple[int, ...]:
    raise NotImplementedError("exercise broadcast_shape: replace this line with your code")
