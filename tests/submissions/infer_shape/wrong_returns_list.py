"""Resolves the -1 correctly but returns a list instead of a tuple."""

import math


def infer_shape(numel, shape):
    if shape.count(-1) > 1 or any(s < -1 for s in shape):
        raise ValueError(f"invalid shape {shape}")
    known = math.prod(s for s in shape if s != -1)
    if -1 not in shape:
        if known != numel:
            raise ValueError(f"shape {shape} does not fit {numel} elements")
        return list(shape)
    if known == 0 or numel % known:
        raise ValueError(f"cannot infer the -1 in {shape} for {numel} elements")
    return [numel // known if s == -1 else s for s in shape]
