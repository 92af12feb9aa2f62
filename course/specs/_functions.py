"""Shared by the specs that pass the learner a function (autograd_derivative, gradient_descent)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch


@dataclass(frozen=True)
class ScalarFn:
    """A scalar function of a tensor, shown as its lambda; ``fn`` is a module-level def (so it pickles)."""

    source: str
    fn: Callable[[torch.Tensor], torch.Tensor]

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        return self.fn(x)

    def __repr__(self) -> str:
        return self.source
