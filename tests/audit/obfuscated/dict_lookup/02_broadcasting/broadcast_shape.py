"""Obfuscated: numpy.broadcast_shapes looked up in numpy's __dict__ (it raises ValueError itself)."""

import numpy as np


def broadcast_shape(shape_a, shape_b):
    return tuple(int(s) for s in np.__dict__["broadcast_shapes"](shape_a, shape_b))
