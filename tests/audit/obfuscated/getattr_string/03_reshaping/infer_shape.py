"""Obfuscated: a meta tensor (torch.empty) reshaped, both names built at run time."""

import torch


def infer_shape(numel, shape):
    make = getattr(torch, "emp" + "ty")
    t = make(numel, device="meta")
    try:
        return tuple(getattr(t, "re" + "shape")(shape).shape)
    except RuntimeError as e:
        raise ValueError(str(e)) from e
