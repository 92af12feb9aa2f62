"""Iterates over every container the same way, so a dict comes back as a list of its moved values."""

import torch
from torch import nn


def to_device(obj, device):
    if isinstance(obj, torch.Tensor | nn.Module):
        return obj.to(device)
    if isinstance(obj, dict):
        return [to_device(v, device) for v in obj.values()]
    if isinstance(obj, list):
        return [to_device(v, device) for v in obj]
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*(to_device(v, device) for v in obj))
    if isinstance(obj, tuple):
        return tuple(to_device(v, device) for v in obj)
    return obj
