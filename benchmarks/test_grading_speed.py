"""How fast the grader grades: examples per second, seconds per exercise, the whole catalog.

Benchmarks, not tests (they assert nothing about speed): run them with the command in README.md.
The graded tree is the references (every check passes, so no shrinking muddies the numbers).
"""

import pytest

from benchmarks.support import SETTINGS, record
from grader import catalog
from grader.loader import reference_root
from grader.runner import run_exercise
from grader.sandbox import Sandbox

EXERCISES = catalog.catalog()


def grade_all(sandbox=None) -> list[str]:
    return [run_exercise(e, reference_root(), SETTINGS, sandbox=sandbox).status for e in EXERCISES]


@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.id for e in EXERCISES])
def test_exercise(benchmark, examples, exercise) -> None:
    """Seconds to grade one exercise in-process, and its examples per second."""
    result = benchmark.pedantic(run_exercise, args=(exercise, reference_root(), SETTINGS), rounds=3)
    record(benchmark, examples)
    assert result.status == "passed"


def test_full_catalog_in_process(benchmark, examples) -> None:
    statuses = benchmark.pedantic(grade_all, rounds=1)
    record(benchmark, examples)
    assert set(statuses) == {"passed"}


def test_full_catalog_sandboxed(benchmark, examples) -> None:
    with Sandbox() as sandbox:
        statuses = benchmark.pedantic(grade_all, args=(sandbox,), rounds=1)
        benchmark.extra_info["isolation"] = sandbox.isolation
    record(benchmark, examples)
    assert set(statuses) == {"passed"}
