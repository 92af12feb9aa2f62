"""functools.singledispatch: one registered function per type, namedtuples rebuilt with _make."""

from functools import singledispatch

import torch
from torch import nn


@singledispatch
def to_device(obj, device):
    return obj


@to_device.register
def _(obj: torch.Tensor, device):
    return obj.to(device)


@to_device.register
def _(obj: nn.Module, device):
    return obj.to(device)


@to_device.register
def _(obj: dict, device):
    return {k: to_device(v, device) for k, v in obj.items()}


@to_device.register
def _(obj: list, device):
    return [to_device(v, device) for v in obj]


@to_device.register
def _(obj: tuple, device):
    moved = [to_device(v, device) for v in obj]
    return obj._make(moved) if hasattr(obj, "_make") else tuple(moved)
