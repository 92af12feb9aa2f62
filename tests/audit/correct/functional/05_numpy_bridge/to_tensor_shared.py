"""Exercise to_tensor_shared — NumPy array to tensor, without copying (seed 001 §3.6)."""

import numpy as np
import torch


def to_tensor_shared(a: np.ndarray) -> torch.Tensor:
    # from_numpy wraps the buffer: writes show up on both sides (001 §3.6)
    return torch.from_numpy(a)
