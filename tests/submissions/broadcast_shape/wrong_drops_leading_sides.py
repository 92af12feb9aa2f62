"""Zips the reversed shapes without padding, so the longer shape's extra leading sides are lost."""


def broadcast_shape(shape_a, shape_b):
    out = []
    for x, y in zip(reversed(shape_a), reversed(shape_b), strict=False):
        if x != y and x != 1 and y != 1:
            raise ValueError(f"shapes {shape_a} and {shape_b} do not broadcast")
        out.append(y if x == 1 else x)
    return tuple(reversed(out))
