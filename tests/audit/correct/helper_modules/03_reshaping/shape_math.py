"""Plain-Python shape arithmetic."""


def prod(sizes):
    result = 1
    for s in sizes:
        result *= s
    return result


def validate(shape):
    if list(shape).count(-1) > 1:
        raise ValueError(f"at most one -1 allowed: {shape}")
    bad = [s for s in shape if s < -1]
    if bad:
        raise ValueError(f"negative size {bad[0]} in {shape}")
