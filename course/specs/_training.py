"""Shared by the specs of training exercises (train_step, evaluate, checkpoint, train_digits_classifier):
arguments the run builds itself and shows as Python, and running tiny models on one thread.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import torch

from grader.api import Case


class Source:
    """An argument the run builds itself, shown in the feedback as the Python that would build it.

    ``spec`` holds what the run needs to build it (sizes, a seed, a kind); :func:`params` collects them.

    >>> Source("torch.nn.MSELoss()", loss="mse")
    torch.nn.MSELoss()
    """

    def __init__(self, text: str, **spec: Any) -> None:
        self.text = text
        self.spec = spec

    def __repr__(self) -> str:
        return self.text


def params(case: Case) -> dict[str, Any]:
    """Everything a run needs: the specs behind the case's Source arguments, then the case's setup."""
    merged: dict[str, Any] = {}
    for value in case.inputs().values():
        if isinstance(value, Source):
            merged.update(value.spec)
    return {**merged, **case.setup}


@contextmanager
def single_thread() -> Iterator[None]:
    """Run tiny models on one thread: on a busy CI machine, thread hand-offs cost more than the maths."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)
