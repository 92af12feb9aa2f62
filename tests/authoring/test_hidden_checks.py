"""Hidden (CI-only) checks: left out locally, run with ``include_hidden``, never showing their input."""

from __future__ import annotations

from pathlib import Path

import pytest

from grader import course, runner
from grader.cases import Case, ramp
from grader.feedback import check_feedback
from grader.runner import Settings, check_names, run_exercise
from grader.spec import Agrees

ROOT = Path(__file__).resolve().parents[2]
VISIBLE = Agrees(name="visible", examples=(Case.of(a=ramp(2, 3), b=ramp(2, 3)),))
HIDDEN = Agrees(name="secret_shapes", hidden=True, examples=(Case.of(a=ramp(2, 3), b=ramp(3)),))


@pytest.fixture
def exercise(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setattr(runner, "load_checks", lambda exercise: (VISIBLE, HIDDEN))
    exercise = course.active().by_id()["broadcast_add"]
    learner = tmp_path / exercise.relpath  # right on equal shapes, refuses to broadcast
    learner.parent.mkdir(parents=True)
    learner.write_text(
        "def broadcast_add(a, b):\n"
        "    if a.shape != b.shape:\n"
        "        raise ValueError('no')\n"
        "    return a + b\n",
        encoding="utf-8",
    )
    return exercise, tmp_path


def test_a_hidden_check_does_not_run_locally(exercise) -> None:
    ex, tree = exercise
    result = run_exercise(ex, tree, Settings(max_examples=5))
    assert [c.check for c in result.checks] == ["allowed_apis", "visible"]
    assert result.status == "passed"
    assert check_names(ex) == ["allowed_apis", "visible"]
    assert check_names(ex, include_hidden=True) == ["allowed_apis", "visible", "secret_shapes"]


def test_a_failed_hidden_check_keeps_its_input_secret(exercise) -> None:
    ex, tree = exercise
    result = run_exercise(ex, tree, Settings(max_examples=5, include_hidden=True))
    hidden = next(c for c in result.checks if c.check == "secret_shapes")
    assert hidden.status == "failed" and hidden.failure is not None
    assert hidden.failure.case_source is None
    for lang in ("en", "zh"):
        text = check_feedback(ex, hidden, lang)
        assert "ramp" not in text and "torch.tensor" not in text
    assert "hidden check" in check_feedback(ex, hidden, "en")
    assert "隐藏检查" in check_feedback(ex, hidden, "zh")
    assert "ValueError" in check_feedback(ex, hidden, "en")  # what went wrong is still said
