"""Uses torch.asarray, which shares memory for arrays with dimensions but copies a 0-d array."""

import torch


def to_tensor_shared(a):
    return torch.asarray(a)
