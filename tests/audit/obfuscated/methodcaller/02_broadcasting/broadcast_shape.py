"""Obfuscated: torch.broadcast_shapes called on the torch module through operator.methodcaller."""

import operator

import torch


def broadcast_shape(shape_a, shape_b):
    call = operator.methodcaller("broadcast_shapes", shape_a, shape_b)
    try:
        return tuple(call(torch))
    except RuntimeError as e:
        raise ValueError(str(e)) from e
