"""Every file under tests/submissions/ is graded: wrong ones must fail with a reason, right ones pass."""

import warnings
from pathlib import Path

import pytest
from hypothesis.errors import HypothesisWarning

from grader import course
from grader.runner import Settings, run_exercise

SUBMISSIONS = Path(__file__).parent / "submissions"
SETTINGS = Settings(max_examples=25, seed=1)


def _submissions(prefix: str):
    for path in sorted(SUBMISSIONS.glob(f"*/{prefix}_*.py")):
        yield pytest.param(path, id=f"{path.parent.name}/{path.stem}")


def grade(path: Path, tmp_path: Path):
    exercise = course.active().get(path.parent.name)
    target = tmp_path / exercise.relpath
    target.parent.mkdir(parents=True)
    target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return exercise, run_exercise(exercise, tmp_path, SETTINGS)


@pytest.mark.parametrize("path", list(_submissions("wrong")))
def test_wrong_submission_fails_with_a_reason(path: Path, tmp_path: Path) -> None:
    exercise, result = grade(path, tmp_path)
    assert result.status == "failed", f"{path.name} should fail but got {result.status}"
    failed = [c for c in result.checks if c.status == "failed"]
    assert failed and all(c.failure is not None for c in failed)
    # a value check must show the input that breaks it; a forbidden call names its line instead
    assert any(c.failure.case_source or c.check == "allowed_apis" for c in failed)
    assert result.score < exercise.points


@pytest.mark.parametrize("path", list(_submissions("right")))
def test_right_submission_gets_full_marks(path: Path, tmp_path: Path) -> None:
    exercise, result = grade(path, tmp_path)
    failed = {
        c.check: c.failure.problem.render("en")
        for c in result.checks
        if not c.passed and c.failure and c.status != "skipped"
    }
    assert result.status == "passed", failed
    assert result.score == exercise.points


def test_every_exercise_has_wrong_and_right_submissions() -> None:
    for exercise in course.active().exercises:
        folder = SUBMISSIONS / exercise.id
        assert len(list(folder.glob("wrong_*.py"))) >= 3, f"{exercise.id}: add wrong_*.py submissions"
        assert list(folder.glob("right_*.py")), f"{exercise.id}: add a right_*.py submission"


def test_a_learner_sees_no_warning_of_hypothesis_about_our_strategies(tmp_path: Path) -> None:
    """to_device's recursive strategy has a repr of up to a megabyte, which Hypothesis builds (and warned
    about, in the learner's pytest summary) when a check fails."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _, result = grade(SUBMISSIONS / "to_device" / "wrong_drops_none.py", tmp_path)
    assert result.status == "failed"
    assert [str(w.message) for w in caught if issubclass(w.category, HypothesisWarning)] == []
