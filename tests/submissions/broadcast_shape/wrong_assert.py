"""Checks compatibility with assert, which raises AssertionError instead of ValueError."""


def broadcast_shape(shape_a, shape_b):
    n = max(len(shape_a), len(shape_b))
    a = (1,) * (n - len(shape_a)) + tuple(shape_a)
    b = (1,) * (n - len(shape_b)) + tuple(shape_b)
    out = []
    for x, y in zip(a, b, strict=True):
        assert x == y or x == 1 or y == 1, f"shapes {shape_a} and {shape_b} do not broadcast"
        out.append(y if x == 1 else x)
    return tuple(out)
