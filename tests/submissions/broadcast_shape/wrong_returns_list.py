"""Gets the sizes right but returns a list instead of a tuple."""


def broadcast_shape(shape_a, shape_b):
    n = max(len(shape_a), len(shape_b))
    a = [1] * (n - len(shape_a)) + list(shape_a)
    b = [1] * (n - len(shape_b)) + list(shape_b)
    out = []
    for x, y in zip(a, b, strict=True):
        if x != y and x != 1 and y != 1:
            raise ValueError(f"shapes {shape_a} and {shape_b} do not broadcast")
        out.append(y if x == 1 else x)
    return out
