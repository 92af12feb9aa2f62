"""Obfuscated: a table of Tensor methods (every public one, by name) and torch factories, then lookups."""

import torch

_BASE = torch._C.TensorBase
TENSOR_METHODS = {name: getattr(_BASE, name) for name in dir(_BASE) if not name.startswith("_")}
FACTORIES = {name: getattr(torch, name) for name in ("empty", "zeros", "ones")}


def infer_shape(numel, shape):
    meta = FACTORIES["empty"](numel, device="meta")
    try:
        return tuple(TENSOR_METHODS["reshape"](meta, shape).shape)
    except RuntimeError as e:
        raise ValueError(str(e)) from e
