"""Exercise infer_shape — Work out the -1 (seed 000 §2.5). Helpers in shape_math.py."""

from shape_math import prod, validate


def infer_shape(numel, shape):
    validate(shape)
    known = prod(s for s in shape if s != -1)
    if -1 not in shape:
        if known != numel:
            raise ValueError(f"{shape} does not hold {numel} elements")
        return tuple(shape)
    if known == 0:
        raise ValueError(f"the -1 in {shape} is ambiguous or impossible with a zero size")
    missing, rest = divmod(numel, known)
    if rest:
        raise ValueError(f"{numel} elements do not fit {shape}")
    return tuple(missing if s == -1 else s for s in shape)
