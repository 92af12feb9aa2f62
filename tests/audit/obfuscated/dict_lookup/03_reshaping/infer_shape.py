"""Obfuscated: torch.empty and Tensor.reshape looked up in namespace dicts."""

import torch


def infer_shape(numel, shape):
    meta = vars(torch)["empty"](numel, device="meta")
    try:
        return tuple(type(meta).__mro__[1].__dict__["reshape"](meta, shape).shape)
    except RuntimeError as e:
        raise ValueError(str(e)) from e
