"""Reference for broadcast_shape: the library's own rule, which the exercise forbids."""

import torch


def broadcast_shape(shape_a: tuple[int, ...], shape_b: tuple[int, ...]) -> tuple[int, ...]:
    try:
        return tuple(torch.broadcast_shapes(shape_a, shape_b))
    except RuntimeError as e:
        raise ValueError(f"shapes {shape_a} and {shape_b} do not broadcast") from e
