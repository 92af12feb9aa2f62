"""Obfuscated: torch.empty and Tensor.view through operator.methodcaller."""

import operator

import torch


def infer_shape(numel, shape):
    meta = operator.methodcaller("empty", numel, device="meta")(torch)
    try:
        return tuple(operator.methodcaller("view", shape)(meta).shape)
    except RuntimeError as e:
        raise ValueError(str(e)) from e
