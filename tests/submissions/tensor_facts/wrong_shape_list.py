"""Returns the shape as a list instead of a tuple."""


def tensor_facts(x):
    return {
        "shape": list(x.shape),
        "ndim": x.ndim,
        "numel": x.numel(),
        "dtype": str(x.dtype),
        "device": str(x.device),
        "requires_grad": x.requires_grad,
    }
