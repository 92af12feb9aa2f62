"""Broadcasting rules, written once for both exercises of chapter 02."""

import torch


def broadcast_shapes(shape_a, shape_b):
    """The broadcast of two shapes (my own, NumPy rules); ValueError when they do not broadcast."""
    a, b = list(shape_a), list(shape_b)
    while len(a) < len(b):
        a.insert(0, 1)
    while len(b) < len(a):
        b.insert(0, 1)
    out = []
    for x, y in zip(a, b):
        if x != y and 1 not in (x, y):
            raise ValueError(f"shapes {tuple(shape_a)} and {tuple(shape_b)} do not broadcast")
        out.append(y if x == 1 else x)
    return tuple(out)


def broadcast_to(t: torch.Tensor, shape) -> torch.Tensor:
    """Explicitly stretch t to shape: leading 1s with reshape, then expand."""
    padded = (1,) * (len(shape) - t.dim()) + tuple(t.shape)
    return t.reshape(padded).expand(tuple(shape))
