"""Walks both shapes from the right with itertools.zip_longest, filling the missing sides with 1."""

from itertools import zip_longest


def broadcast_shape(shape_a, shape_b):
    out = []
    for x, y in zip_longest(reversed(shape_a), reversed(shape_b), fillvalue=1):
        if x == y or y == 1:
            out.append(x)
        elif x == 1:
            out.append(y)
        else:
            raise ValueError(f"shapes {shape_a} and {shape_b} do not broadcast: {x} vs {y}")
    return tuple(reversed(out))
