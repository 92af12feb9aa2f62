"""Reads the facts from x.numpy(), which fails for tensors that require grad and for meta tensors."""


def tensor_facts(x):
    a = x.numpy()
    return {
        "shape": a.shape,
        "ndim": a.ndim,
        "numel": a.size,
        "dtype": str(x.dtype),
        "device": str(x.device),
        "requires_grad": x.requires_grad,
    }
