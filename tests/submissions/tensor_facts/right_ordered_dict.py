"""Returns the facts in an OrderedDict (a dict: it once scored 0 for not being exactly dict)."""

from collections import OrderedDict


def tensor_facts(x):
    return OrderedDict(
        shape=tuple(x.shape),
        ndim=x.dim(),
        numel=x.numel(),
        dtype=str(x.dtype),
        device=str(x.device),
        requires_grad=x.requires_grad,
    )
