"""Watch what learner code does while it runs, for constraints a static check cannot see."""

from __future__ import annotations

from typing import Any

import torch
from torch.overrides import TorchFunctionMode, resolve_name

# Elementwise arithmetic whose operands PyTorch would broadcast implicitly.
ARITHMETIC = {
    "add",
    "sub",
    "subtract",
    "mul",
    "multiply",
    "div",
    "divide",
    "true_divide",
    "floor_divide",
    "remainder",
    "fmod",
    "pow",
    "maximum",
    "minimum",
    "atan2",
    "hypot",
    "addcmul",
    "addcdiv",
}


def _op_name(func: Any) -> str:
    name = (resolve_name(func) or getattr(func, "__name__", "")).rsplit(".", 1)[-1]
    base = name.strip("_")
    if name.startswith("__") and base[:1] in "ri" and base[1:] in ARITHMETIC:
        base = base[1:]  # __radd__, __iadd__
    return base


class ImplicitBroadcast(Exception):
    """Raised inside the watched code by a refusing :class:`ImplicitBroadcastWatch`: ``args`` are the op's
    name and the operands' shapes."""


class ImplicitBroadcastWatch(TorchFunctionMode):
    """Records every elementwise arithmetic call whose tensor operands differ in shape.

    >>> with ImplicitBroadcastWatch() as watch:
    ...     _ = torch.ones(2, 3) + torch.ones(3)
    >>> watch.violations
    [('torch.Tensor.add', ((2, 3), (3,)))]

    With ``refuse=True`` such a call raises :class:`ImplicitBroadcast` where it is made, instead of running:
    the watched code cannot have its result, so nothing it does afterwards (rewriting ``violations``, say)
    can hide it. This is how a check judges learner code by it: the watch runs in the learner's process,
    where a record is the learner's to rewrite, but an operation that never ran is not (docs/score.md).

    >>> try:
    ...     with ImplicitBroadcastWatch(refuse=True):
    ...         _ = torch.ones(2, 3) + torch.ones(3)
    ... except ImplicitBroadcast as refused:
    ...     refused.args
    ('torch.Tensor.add', ((2, 3), (3,)))
    """

    def __init__(self, refuse: bool = False) -> None:
        super().__init__()
        self.refuse = refuse
        self.violations: list[tuple[str, tuple[tuple[int, ...], ...]]] = []

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        if _op_name(func) in ARITHMETIC:
            shapes = tuple(tuple(a.shape) for a in (*args, *kwargs.values()) if isinstance(a, torch.Tensor))
            if len(set(shapes)) > 1:
                self.violations.append((resolve_name(func) or str(func), shapes))
                if self.refuse:
                    raise ImplicitBroadcast(resolve_name(func) or str(func), shapes)
        return func(*args, **kwargs)
