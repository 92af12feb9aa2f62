"""Returns x.dtype and x.device themselves instead of their strings."""


def tensor_facts(x):
    return {
        "shape": tuple(x.shape),
        "ndim": x.dim(),
        "numel": x.numel(),
        "dtype": x.dtype,
        "device": x.device,
        "requires_grad": x.requires_grad,
    }
