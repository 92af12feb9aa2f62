"""Goes through the DLPack protocol: torch.from_dlpack wraps the array's buffer, strides included."""

import torch


def to_tensor_shared(a):
    return torch.from_dlpack(a)
