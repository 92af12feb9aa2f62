"""Exercise infer_shape — Work out the -1 (seed 000 §2.5). np.prod for the known sizes."""

import numpy as np


def infer_shape(numel, shape):
    sizes = list(shape)
    if sizes.count(-1) > 1:
        raise ValueError(f"more than one -1 in {shape}")
    if any(s < -1 for s in sizes):
        raise ValueError(f"negative size in {shape}")
    known = int(np.prod([s for s in sizes if s != -1], dtype=np.int64))  # np.prod([]) is 1
    if -1 not in sizes:
        if known != numel:
            raise ValueError(f"shape {shape} is invalid for {numel} elements")
        return tuple(int(s) for s in sizes)
    if known == 0 or numel % known != 0:
        raise ValueError(f"cannot infer -1 in {shape} for {numel} elements")
    return tuple(int(numel // known) if s == -1 else int(s) for s in sizes)
