"""Compares in float64 through NumPy: right, and it once failed on thresholds float32 cannot hold."""

import numpy as np
import torch


def select_greater(x, threshold):
    a = x.numpy()
    keep = a.astype(np.float64) > threshold  # compare exactly, no rounding of the threshold
    return torch.from_numpy(a[keep].copy())
