"""Obfuscated: Tensor.broadcast_to through operator.methodcaller (the target shape worked out by hand)."""

from operator import methodcaller


def broadcast_add(a, b):
    n = max(a.dim(), b.dim())
    sa = (1,) * (n - a.dim()) + tuple(a.shape)
    sb = (1,) * (n - b.dim()) + tuple(b.shape)
    shape = []
    for x, y in zip(sa, sb):
        if x != y and 1 not in (x, y):
            raise ValueError(f"{tuple(a.shape)} and {tuple(b.shape)} do not broadcast")
        shape.append(y if x == 1 else x)
    stretch = methodcaller("broadcast_to", tuple(shape))
    return stretch(a) + stretch(b)
