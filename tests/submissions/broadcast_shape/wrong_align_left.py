"""Aligns the shapes from the left (pads the shorter one with trailing 1s) instead of from the right."""


def broadcast_shape(shape_a, shape_b):
    n = max(len(shape_a), len(shape_b))
    a = tuple(shape_a) + (1,) * (n - len(shape_a))
    b = tuple(shape_b) + (1,) * (n - len(shape_b))
    out = []
    for x, y in zip(a, b, strict=True):
        if x != y and x != 1 and y != 1:
            raise ValueError(f"shapes {shape_a} and {shape_b} do not broadcast")
        out.append(y if x == 1 else x)
    return tuple(out)
