"""The benchmarks' fixtures (see README.md); settings and helpers live in support.py."""

import pytest

from benchmarks.support import ExampleCounter
from grader import loader


@pytest.fixture
def examples(monkeypatch) -> ExampleCounter:
    """Counts the examples graded while the test runs."""
    counter = ExampleCounter()
    monkeypatch.setattr(loader, "observe", counter.wrap(loader.observe))
    return counter
