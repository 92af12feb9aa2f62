"""Attack: torch dispatch liar. Expect: failed; at most 0 points."""

import torch


class Liar(torch.Tensor):
    @classmethod
    def __torch_dispatch__(cls, func, types, args=(), kwargs=None):
        return torch.tensor(True)


def broadcast_add(a, b):
    return torch.zeros(()).as_subclass(Liar)
