"""The shipped trees: the reference passes every check with full marks; every stub is not started."""

import re
import sys
from pathlib import Path

import pytest

from grader import catalog, course
from grader.loader import reference_root
from grader.runner import Settings, check_names, run_exercise
from grader.stubs import is_not_started

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = [pytest.param(e, id=e.id) for e in course.active().exercises]


@pytest.mark.parametrize("exercise", EXERCISES)
def test_reference_gets_full_marks(exercise: catalog.Exercise) -> None:
    result = run_exercise(exercise, reference_root(), Settings(max_examples=20, seed=3))
    failed = {c.check: c.failure.problem.render("en") for c in result.checks if c.status == "failed"}
    assert result.status == "passed", failed
    assert result.score == exercise.points


@pytest.mark.parametrize("exercise", EXERCISES)
def test_stub_is_not_started(exercise: catalog.Exercise) -> None:
    assert is_not_started(exercise, ROOT / "exercises"), f"{exercise.relpath} should be an untouched stub"
    assert run_exercise(exercise, ROOT / "exercises").status == "not_started"
    assert check_names(exercise), f"grader/specs/{exercise.id}.py has no checks"


@pytest.mark.parametrize("exercise", EXERCISES)
def test_stub_fails_when_called(exercise: catalog.Exercise, tmp_path: Path) -> None:
    """A stub with one extra statement is 'started': then every check fails (no check passes a stub)."""
    source = (ROOT / "exercises" / exercise.relpath).read_text(encoding="utf-8")
    target = tmp_path / exercise.relpath
    target.parent.mkdir(parents=True)
    started = re.sub(r"^(\s*)(raise NotImplementedError)", r"\1pass\n\1\2", source, flags=re.M)
    target.write_text(started)
    result = run_exercise(exercise, tmp_path, Settings(max_examples=5))
    value_checks = [c for c in result.checks if c.check != "allowed_apis" and c.status != "skipped"]
    assert value_checks and not any(c.passed for c in value_checks)
    assert result.score == 0


def test_a_check_needing_a_missing_package_is_skipped_not_failed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The GPU machines have no scikit-learn: train_digits_classifier is then skipped, with the reason."""
    monkeypatch.setitem(sys.modules, "sklearn", None)
    exercise = course.active().get("train_digits_classifier")
    result = run_exercise(exercise, reference_root(), Settings(max_examples=1))
    behaviour = [c for c in result.checks if not c.gate]
    assert {c.status for c in behaviour} == {"skipped"} and result.status == "skipped"
    assert "sklearn" in behaviour[0].failure.problem.render("en")
