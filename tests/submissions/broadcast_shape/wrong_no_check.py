"""Never checks compatibility: always returns the larger size, so (2, 3) and (2,) give (2, 3)."""


def broadcast_shape(shape_a, shape_b):
    n = max(len(shape_a), len(shape_b))
    a = (1,) * (n - len(shape_a)) + tuple(shape_a)
    b = (1,) * (n - len(shape_b)) + tuple(shape_b)
    return tuple(y if x == 1 else x for x, y in zip(a, b, strict=True))
