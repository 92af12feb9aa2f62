"""Plain recursion with isinstance checks, namedtuple tested before tuple; no pytree."""

import torch
from torch import nn


def to_device(obj, device):
    if isinstance(obj, torch.Tensor | nn.Module):
        return obj.to(device)
    if isinstance(obj, dict):
        return {key: to_device(value, device) for key, value in obj.items()}
    if isinstance(obj, list):
        return [to_device(item, device) for item in obj]
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*(to_device(item, device) for item in obj))
    if isinstance(obj, tuple):
        return tuple(to_device(item, device) for item in obj)
    return obj
