"""Exercise broadcast_add — Broadcast add, explicitly (seed 000 §2.4).

A Broadcast object works out the common shape once; its broadcast_to method (mine) stretches an operand.
"""

import torch


class Broadcast:
    def __init__(self, *shapes):
        ndim = max(len(s) for s in shapes)
        padded = [(1,) * (ndim - len(s)) + tuple(s) for s in shapes]
        self.shape = []
        for sizes in zip(*padded):
            big = {s for s in sizes if s != 1}
            if len(big) > 1:
                raise ValueError(f"shapes {[tuple(s) for s in shapes]} do not broadcast")
            self.shape.append(big.pop() if big else 1)
        self.shape = tuple(self.shape)

    def broadcast_to(self, t: torch.Tensor) -> torch.Tensor:
        while t.dim() < len(self.shape):
            t = t.unsqueeze(0)
        return t.expand(self.shape)


def broadcast_add(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    bc = Broadcast(a.shape, b.shape)
    return bc.broadcast_to(a) + bc.broadcast_to(b)
