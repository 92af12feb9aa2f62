"""Attack: array function liar. Expect: failed; at most 0 points."""

import numpy as np


class Liar(np.ndarray):
    def __array_function__(self, *a, **k):
        return True


def broadcast_add(a, b):
    return np.zeros(1).view(Liar)
