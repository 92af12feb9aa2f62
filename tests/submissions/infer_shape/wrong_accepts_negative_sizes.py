"""Only compares products, so negative sizes such as (-2, -3) for 6 elements slip through."""

import math


def infer_shape(numel, shape):
    if shape.count(-1) > 1:
        raise ValueError("only one -1 allowed")
    if -1 not in shape:
        if math.prod(shape) != numel:
            raise ValueError(f"shape {shape} does not fit {numel} elements")
        return tuple(shape)
    known = math.prod(s for s in shape if s != -1)
    if known == 0 or numel % known:
        raise ValueError(f"cannot infer the -1 in {shape} for {numel} elements")
    return tuple(numel // known if s == -1 else s for s in shape)
