"""Exercise to_tensor_shared — NumPy array to tensor, without copying (seed 001 §3.6).

np.asarray never copies an ndarray, and torch.as_tensor shares memory when the dtype already matches.
"""

import numpy as np
import torch


def to_tensor_shared(a: np.ndarray) -> torch.Tensor:
    arr = np.asarray(a)  # already an ndarray: the very same object
    t = torch.as_tensor(arr)
    assert np.shares_memory(arr, t.numpy()) or arr.size == 0
    return t
