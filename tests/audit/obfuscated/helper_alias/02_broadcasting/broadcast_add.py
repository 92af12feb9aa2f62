"""Obfuscated: torch.broadcast_tensors, re-exported by a helper module as `align_all`."""

from bcast_compat import align_all


def broadcast_add(a, b):
    try:
        x, y = align_all(a, b)
    except RuntimeError as e:
        raise ValueError(f"{tuple(a.shape)} vs {tuple(b.shape)}") from e
    return x + y
