"""Obfuscated: Tensor.broadcast_to looked up in the tensor type's __dict__ (torch._C.TensorBase)."""

import torch

_stretch = torch._C.TensorBase.__dict__["broadcast_to"]


def broadcast_add(a, b):
    shape = []
    for x, y in zip((1,) * (b.dim() - a.dim()) + tuple(a.shape), (1,) * (a.dim() - b.dim()) + tuple(b.shape)):
        if x != y and x != 1 and y != 1:
            raise ValueError(f"{tuple(a.shape)} and {tuple(b.shape)} do not broadcast")
        shape.append(max(x, y) if 1 not in (x, y) else (y if x == 1 else x))
    return _stretch(a, shape) + _stretch(b, shape)
