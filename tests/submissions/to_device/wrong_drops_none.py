"""Skips None values while rebuilding containers, so optional entries disappear."""

import torch
from torch import nn


def to_device(obj, device):
    if isinstance(obj, torch.Tensor | nn.Module):
        return obj.to(device)
    if isinstance(obj, dict):
        return {k: to_device(v, device) for k, v in obj.items() if v is not None}
    if isinstance(obj, list):
        return [to_device(v, device) for v in obj if v is not None]
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*(to_device(v, device) for v in obj))
    if isinstance(obj, tuple):
        return tuple(to_device(v, device) for v in obj if v is not None)
    return obj
