"""Exercise broadcast_shape — The shape of a broadcast (seed 000 §2.4)."""


def broadcast_shape(shape_a: tuple[int, ...], shape_b: tuple[int, ...]) -> tuple[int, ...]:
    # 从右往左对齐，短的前面补 1
    n = max(len(shape_a), len(shape_b))
    a = (1,) * (n - len(shape_a)) + tuple(shape_a)
    b = (1,) * (n - len(shape_b)) + tuple(shape_b)
    result = []
    for x, y in zip(a, b):
        if x == y:
            result.append(x)
        elif x == 1:
            result.append(y)  # a 1 stretches, even to 0
        elif y == 1:
            result.append(x)
        else:
            raise ValueError(f"shapes {shape_a} and {shape_b} are not broadcastable ({x} vs {y})")
    return tuple(result)
