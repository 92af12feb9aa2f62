"""Obfuscated: numpy.array (forbidden), re-exported by a helper as `as_array`; copy=False shares."""

import torch

from array_compat import as_array


def to_tensor_shared(a):
    return torch.from_numpy(as_array(a, copy=False))
