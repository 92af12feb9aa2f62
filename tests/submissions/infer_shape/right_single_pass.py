"""One pass that validates each size and records where the -1 is, then fills it in."""

import math


def infer_shape(numel, shape):
    missing = None
    for i, size in enumerate(shape):
        if size == -1:
            if missing is not None:
                raise ValueError(f"only one -1 allowed, got shape {shape}")
            missing = i
        elif size < -1:
            raise ValueError(f"invalid size {size} in shape {shape}")
    known = math.prod(s for s in shape if s != -1)
    if missing is None:
        if known != numel:
            raise ValueError(f"shape {shape} holds {known} elements, not {numel}")
        return tuple(shape)
    if known == 0 or numel % known:
        raise ValueError(f"cannot infer the -1 in {shape} for {numel} elements")
    return (*shape[:missing], numel // known, *shape[missing + 1 :])
