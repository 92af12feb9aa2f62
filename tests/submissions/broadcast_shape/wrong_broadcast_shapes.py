"""Calls torch.broadcast_shapes, the library helper the exercise asks to rebuild."""

import torch


def broadcast_shape(shape_a, shape_b):
    try:
        return tuple(torch.broadcast_shapes(shape_a, shape_b))
    except RuntimeError as e:
        raise ValueError(str(e)) from e
