"""Reference for tensor_facts: the tensor's own attributes."""

import torch


def tensor_facts(x: torch.Tensor) -> dict:
    return {
        "shape": tuple(x.shape),
        "ndim": x.dim(),
        "numel": x.numel(),
        "dtype": str(x.dtype),
        "device": str(x.device),
        "requires_grad": x.requires_grad,
    }
