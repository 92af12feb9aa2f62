"""Goes through a Python list: np.array picks float64/int64 by itself, so float32 comes back as float64."""

import numpy as np


def to_numpy(t):
    return np.array(t.tolist())
