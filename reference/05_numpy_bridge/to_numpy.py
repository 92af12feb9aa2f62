"""Reference for to_numpy: Tensor.numpy(force=True) detaches and moves to the CPU when it must."""

import numpy as np
import torch


def to_numpy(t: torch.Tensor) -> np.ndarray:
    return t.numpy(force=True)
