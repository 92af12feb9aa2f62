"""How fast the grader grades: examples per second, seconds per exercise, the whole catalog.

Benchmarks, not tests (they assert nothing about speed): run them with the command in README.md.
The graded tree is the references themselves (every check passes, so no shrinking muddies the numbers;
a copy would fail the forbidden-API gates, from which only the reference tree is exempt).
"""

import pytest

from benchmarks.support import SETTINGS, record
from grader import course
from grader.loader import reference_root
from grader.runner import run_exercise
from grader.sandbox import Sandbox

EXERCISES = course.active().exercises


@pytest.fixture
def tree():
    return reference_root()


def grade_all(root, sandbox=None) -> list[str]:
    return [run_exercise(e, root, SETTINGS, sandbox=sandbox).status for e in EXERCISES]


@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.id for e in EXERCISES])
def test_exercise(benchmark, examples, tree, exercise) -> None:
    """Seconds to grade one exercise in-process, and its examples per second."""
    result = benchmark.pedantic(run_exercise, args=(exercise, tree, SETTINGS), rounds=3)
    record(benchmark, examples, sides=2)
    assert result.status == "passed"


def test_full_catalog_in_process(benchmark, examples, tree) -> None:
    statuses = benchmark.pedantic(grade_all, args=(tree,), rounds=1)
    record(benchmark, examples, sides=2)
    assert set(statuses) == {"passed"}


def test_full_catalog_sandboxed(benchmark, examples, tree) -> None:
    with Sandbox() as sandbox:
        statuses = benchmark.pedantic(grade_all, args=(tree, sandbox), rounds=1)
        benchmark.extra_info["isolation"] = sandbox.isolation
    record(benchmark, examples, sides=1)  # the learner's calls happen in the child, uncounted
    assert set(statuses) == {"passed"}
