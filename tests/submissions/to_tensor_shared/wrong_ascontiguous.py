"""Makes the array contiguous first, which silently copies a non-contiguous (transposed) array."""

import numpy as np
import torch


def to_tensor_shared(a):
    return torch.from_numpy(np.ascontiguousarray(a))
