"""Attack: returns nan and inf. Expect: failed; at most 0 points."""

import torch


def broadcast_add(a, b):
    return torch.full(torch.broadcast_shapes(a.shape, b.shape), float("nan"))
