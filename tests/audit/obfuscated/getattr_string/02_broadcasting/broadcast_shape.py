"""Obfuscated: torch.broadcast_shapes through getattr with a built name."""

import torch


def broadcast_shape(shape_a, shape_b):
    helper = getattr(torch, "_".join(["broadcast", "shapes"]))
    try:
        return tuple(helper(shape_a, shape_b))
    except RuntimeError as e:
        raise ValueError(f"{shape_a} and {shape_b} do not broadcast") from e
