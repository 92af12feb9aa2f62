"""Treats lists and tuples alike and always rebuilds a list: tuples (and namedtuples) come back as lists."""

import torch
from torch import nn


def to_device(obj, device):
    if isinstance(obj, torch.Tensor | nn.Module):
        return obj.to(device)
    if isinstance(obj, dict):
        return {k: to_device(v, device) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_device(v, device) for v in obj]
    return obj
