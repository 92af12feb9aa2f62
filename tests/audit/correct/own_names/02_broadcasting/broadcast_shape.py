"""Exercise broadcast_shape — The shape of a broadcast (seed 000 §2.4).

My own broadcast_shapes (any number of shapes, like torch's), reduced pairwise.
"""

from functools import reduce
from itertools import zip_longest


def _broadcast_pair(a, b):
    out = []
    for x, y in zip_longest(reversed(a), reversed(b), fillvalue=1):
        if x == y or y == 1:
            out.append(x)
        elif x == 1:
            out.append(y)
        else:
            raise ValueError(f"incompatible sizes {x} and {y} (shapes {tuple(a)} and {tuple(b)})")
    return tuple(reversed(out))


def broadcast_shapes(*shapes):
    return reduce(_broadcast_pair, shapes, ())


def broadcast_shape(shape_a, shape_b):
    return broadcast_shapes(shape_a, shape_b)
