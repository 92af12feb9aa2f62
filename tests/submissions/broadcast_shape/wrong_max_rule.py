"""Takes max(x, y) for each pair of sides, so a 1 against a 0 gives 1 instead of 0."""


def broadcast_shape(shape_a, shape_b):
    n = max(len(shape_a), len(shape_b))
    a = (1,) * (n - len(shape_a)) + tuple(shape_a)
    b = (1,) * (n - len(shape_b)) + tuple(shape_b)
    out = []
    for x, y in zip(a, b, strict=True):
        if x != y and x != 1 and y != 1:
            raise ValueError(f"shapes {shape_a} and {shape_b} do not broadcast")
        out.append(max(x, y))
    return tuple(out)
