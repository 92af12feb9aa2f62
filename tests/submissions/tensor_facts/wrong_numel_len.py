"""Counts elements with len(x): only the first dimension, and a TypeError on 0-d tensors."""


def tensor_facts(x):
    return {
        "shape": tuple(x.shape),
        "ndim": x.dim(),
        "numel": len(x),
        "dtype": str(x.dtype),
        "device": str(x.device),
        "requires_grad": x.requires_grad,
    }
