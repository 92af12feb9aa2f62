"""Exercise to_tensor_shared — NumPy array to tensor, without copying (seed 001 §3.6).

np.asarray(..., copy=False) refuses to copy (NumPy 2 raises instead), and from_numpy wraps the buffer.
(torch.asarray(a, copy=False) looked nicer, but it silently copies 0-d arrays: the check caught it.)
"""

import numpy as np
import torch


def as_shared(a: np.ndarray, copy: bool = False) -> np.ndarray:
    return np.asarray(a, copy=copy)


def to_tensor_shared(a: np.ndarray) -> torch.Tensor:
    view = as_shared(a, copy=False)
    return torch.from_numpy(view)
