"""Moves only the tensors directly inside the outer container; nested containers are returned untouched."""

import torch
from torch import nn


def _move(x, device):
    return x.to(device) if isinstance(x, torch.Tensor | nn.Module) else x


def to_device(obj, device):
    if isinstance(obj, dict):
        return {k: _move(v, device) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_move(v, device) for v in obj]
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*(_move(v, device) for v in obj))
    if isinstance(obj, tuple):
        return tuple(_move(v, device) for v in obj)
    return _move(obj, device)
