"""Exercise broadcast_shape — The shape of a broadcast (seed 000 §2.4).

The rule, vectorised with NumPy on the shapes themselves (no data arrays): pad with 1s on the left,
compare side by side, take the other side where one is 1.
"""

import numpy as np


def broadcast_shape(shape_a, shape_b):
    n = max(len(shape_a), len(shape_b))
    a = np.ones(n, dtype=np.int64)
    b = np.ones(n, dtype=np.int64)
    a[n - len(shape_a) :] = shape_a
    b[n - len(shape_b) :] = shape_b
    ok = (a == b) | (a == 1) | (b == 1)
    if not ok.all():
        bad = int(np.argmin(ok))
        raise ValueError(f"{tuple(shape_a)} and {tuple(shape_b)} clash at dim {bad}: {a[bad]} vs {b[bad]}")
    out = np.where(a == 1, b, a)
    return tuple(int(s) for s in out)
