"""Never counts the -1s: it fills the first one and leaves any second -1 in the result."""

import math


def infer_shape(numel, shape):
    if any(s < -1 for s in shape):
        raise ValueError(f"invalid shape {shape}")
    if -1 not in shape:
        if math.prod(shape) != numel:
            raise ValueError(f"shape {shape} does not fit {numel} elements")
        return tuple(shape)
    i = shape.index(-1)
    known = math.prod(shape[:i] + shape[i + 1 :])
    if known == 0 or numel % known:
        raise ValueError(f"cannot infer the -1 in {shape} for {numel} elements")
    return (*shape[:i], numel // known, *shape[i + 1 :])
