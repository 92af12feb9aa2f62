"""Imported once by the fork server, so that each exercise's child starts with everything loaded.

torch, numpy and Hypothesis (which the specs import for their strategies), every spec module, and the
parsed catalog: a child then only has to load the learner's file.
"""

import importlib

import numpy  # noqa: F401
import torch

from grader import catalog, datasets  # noqa: F401
from grader.sandbox import child  # noqa: F401

for _exercise in catalog.catalog():
    importlib.import_module(f"grader.specs.{_exercise.id}")

# First calls that are slow in any new process (torch.testing's first assert_close takes ~0.5 s): pay them
# here, once, instead of in every exercise's child.
torch.testing.assert_close(torch.ones(2), torch.ones(2))
torch.overrides.resolve_name(torch.add)


def _warm_up_training() -> None:
    """The first optimizer step imports torch._dynamo (~0.5 s); first backward and save/load are slow too."""
    import io

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


_warm_up_training()
