"""Attack: torch function liar. Expect: failed; at most 0 points."""

import torch


class Liar(torch.Tensor):
    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        return True


def broadcast_add(a, b):
    return torch.zeros(()).as_subclass(Liar)
