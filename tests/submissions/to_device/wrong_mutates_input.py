"""Writes the moved values back into the caller's dicts and lists (obj[k] = ...) and returns them."""

import torch
from torch import nn


def to_device(obj, device):
    if isinstance(obj, torch.Tensor | nn.Module):
        return obj.to(device)
    if isinstance(obj, dict):
        for k in obj:
            obj[k] = to_device(obj[k], device)
        return obj
    if isinstance(obj, list):
        for i in range(len(obj)):
            obj[i] = to_device(obj[i], device)
        return obj
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*(to_device(v, device) for v in obj))
    if isinstance(obj, tuple):
        return tuple(to_device(v, device) for v in obj)
    return obj
