"""Exercise infer_shape — Work out the -1 (seed 000 §2.5).

A shape-only stand-in for a tensor: ShapeOnly(numel).reshape(shape) resolves the -1 the way torch does,
without any data. (view is the same thing here, as there is no memory layout to worry about.)
"""

import math


class ShapeOnly:
    def __init__(self, numel, shape=None):
        self.numel = numel
        self.shape = (numel,) if shape is None else shape

    def reshape(self, *shape):
        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
            shape = tuple(shape[0])
        if shape.count(-1) > 1:
            raise ValueError(f"only one dimension can be inferred: {shape}")
        if any(s < -1 for s in shape):
            raise ValueError(f"invalid shape dimension in {shape}")
        known = math.prod(s for s in shape if s != -1)
        if -1 in shape:
            if known == 0 or self.numel % known:
                raise ValueError(f"shape {shape} is invalid for input of size {self.numel}")
            shape = tuple(self.numel // known if s == -1 else s for s in shape)
        elif known != self.numel:
            raise ValueError(f"shape {shape} is invalid for input of size {self.numel}")
        return ShapeOnly(self.numel, shape)

    view = reshape


def infer_shape(numel, shape):
    return ShapeOnly(numel).view(shape).shape
