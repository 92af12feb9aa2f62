"""Obfuscated: torch.broadcast_shapes, re-exported by a helper module as `common_shape`."""

from bcast_compat import common_shape


def broadcast_shape(shape_a, shape_b):
    try:
        return tuple(common_shape(shape_a, shape_b))
    except RuntimeError as e:
        raise ValueError(f"{shape_a} vs {shape_b}: {e}") from e
