"""Exercise broadcast_add — Broadcast add, explicitly (seed 000 §2.4).

Uses my own broadcast_shapes / broadcast_to from shape_rules.py (not torch's).
"""

import torch

from shape_rules import broadcast_shapes, broadcast_to


def broadcast_add(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    shape = broadcast_shapes(a.shape, b.shape)
    return broadcast_to(a, shape) + broadcast_to(b, shape)
