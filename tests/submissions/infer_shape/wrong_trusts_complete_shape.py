"""Returns a shape without -1 unchanged without checking that it holds numel elements."""

import math


def infer_shape(numel, shape):
    if shape.count(-1) > 1:
        raise ValueError("only one -1 allowed")
    if any(s < -1 for s in shape):
        raise ValueError(f"invalid shape {shape}")
    if -1 not in shape:
        return tuple(shape)
    known = math.prod(s for s in shape if s != -1)
    if known == 0 or numel % known:
        raise ValueError(f"cannot infer the -1 in {shape} for {numel} elements")
    return tuple(numel // known if s == -1 else s for s in shape)
