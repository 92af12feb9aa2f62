"""First calls that are slow in any new Python process, paid once and up front.

torch.testing's first ``assert_close`` takes ~0.5 s, the first optimizer step imports ``torch._dynamo``
(~0.5 s), reading the digits imports scikit-learn (~1 s). The sandbox's fork server pays them before it
forks any child (so no child pays them again), and a sandboxed run's parent pays them while it waits for
the fork server, which it would otherwise do later, in the middle of grading, for the references.
"""

from __future__ import annotations

import contextlib
import io

import torch

from grader import datasets


def warm_up(comparisons: bool = True) -> None:
    """``comparisons``: also torch.testing (the trusted side compares; learner code rarely does)."""
    if comparisons:
        torch.testing.assert_close(torch.ones(2), torch.ones(2))
    torch.overrides.resolve_name(torch.add)  # the broadcasting guard's first use
    _training()
    with contextlib.suppress(ImportError):  # scikit-learn is optional for the grader's own use
        datasets._digits_arrays()


def _training() -> None:
    """A forward, backward and step with each optimizer the exercises use, then a save and load."""
    model = torch.nn.Sequential(torch.nn.Linear(2, 2), torch.nn.BatchNorm1d(2), torch.nn.ReLU())
    for optimizer in (
        torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9),
        torch.optim.Adam(model.parameters()),
        torch.optim.AdamW(model.parameters()),
    ):
        optimizer.zero_grad()
        torch.nn.functional.cross_entropy(
            model(torch.ones(3, 2)), torch.zeros(3, dtype=torch.long)
        ).backward()
        optimizer.step()
    buffer = io.BytesIO()
    torch.save({"model": model.state_dict()}, buffer)
    buffer.seek(0)
    torch.load(buffer, weights_only=True)
