"""Forgets that the known sizes can multiply to 0: (0, -1) ends in ZeroDivisionError, not ValueError."""

import math


def infer_shape(numel, shape):
    if shape.count(-1) > 1:
        raise ValueError("only one -1 allowed")
    if any(s < -1 for s in shape):
        raise ValueError(f"invalid shape {shape}")
    if -1 not in shape:
        if math.prod(shape) != numel:
            raise ValueError(f"shape {shape} does not fit {numel} elements")
        return tuple(shape)
    known = math.prod(s for s in shape if s != -1)
    if numel % known:
        raise ValueError(f"shape {shape} does not fit {numel} elements")
    return tuple(numel // known if s == -1 else s for s in shape)
