"""Obfuscated: functions registered with a decorator; one entry wraps torch's broadcast_tensors, fetched by
a name assembled from the registry's own keys."""

import torch

REGISTRY = {}


def register(name):
    def deco(fn):
        REGISTRY[name] = fn
        return fn

    return deco


@register("tensors")
def _lookup(kind):
    return vars(torch)["broadcast_" + kind]


def broadcast_add(a, b):
    align = REGISTRY["tensors"]("tensors")
    try:
        x, y = align(a, b)
    except RuntimeError as e:
        raise ValueError(f"{tuple(a.shape)} and {tuple(b.shape)} do not broadcast") from e
    return x + y
