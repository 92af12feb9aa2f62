"""grader.results: the one place statuses, points and the progress line are decided (docs/score.md)."""

from __future__ import annotations

import doctest
import json
from dataclasses import dataclass

import pytest

from grader import feedback, i18n, results, settings
from grader.i18n import say
from grader.results import CheckResult, ExerciseResult, Failure, Progress, Status, exercise_status


@dataclass(frozen=True)
class Exercise:
    """What results need of a catalog exercise."""

    id: str = "patchify"
    points: int = 10


EXERCISE = Exercise()


def check(name: str, status: str, weight: float = 1, gate: bool = False) -> CheckResult:
    failure = None if status == "passed" else Failure(say("why", "原因"))
    earned = weight if status == "passed" else 0
    return CheckResult("patchify", name, status, earned, 0 if status == "skipped" else weight, failure, gate)


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ({"a": "passed", "b": "passed"}, "passed"),
        ({"a": "passed", "b": "failed"}, "failed"),
        ({"a": "passed", "b": "not_started"}, "failed"),  # a part still raises NotImplementedError
        ({"a": "passed", "b": "error"}, "failed"),
        ({"a": "passed", "on_gpu": "skipped"}, "passed"),  # a skip is not a failure
        ({"on_gpu": "skipped", "on_gpu_too": "skipped"}, "skipped"),  # nothing could run here
        ({"allowed_apis": "passed", "on_gpu": "skipped"}, "skipped"),  # the gate alone proves nothing
        ({"allowed_apis": "failed", "a": "passed"}, "failed"),
        ({"allowed_apis": "failed", "on_gpu": "skipped"}, "failed"),  # a failed gate is no skip
    ],
)
def test_an_exercise_status_follows_from_its_checks(statuses: dict[str, str], expected: str) -> None:
    checks = [check(name, status, gate=name == "allowed_apis") for name, status in statuses.items()]
    assert exercise_status(checks) == expected
    assert ExerciseResult.graded(EXERCISE, checks).status is Status(expected)


def test_a_status_that_disagrees_with_the_checks_is_refused() -> None:
    with pytest.raises(ValueError, match="Expected status skipped for patchify from its checks but got"):
        ExerciseResult(EXERCISE, "passed", (check("on_gpu", "skipped"),))
    with pytest.raises(ValueError, match="'finished' is not a valid Status"):
        check("a", "finished")


def test_the_gate_is_listed_first_and_ungraded_exercises_keep_their_status() -> None:
    gate = check("allowed_apis", "passed", 0, gate=True)
    graded = ExerciseResult.graded(EXERCISE, [check("a", "passed"), gate])
    assert [c.check for c in graded.checks] == ["allowed_apis", "a"]
    crashed = ExerciseResult.ungraded(EXERCISE, "crashed", say("x", "x"))
    assert (crashed.status, crashed.score, crashed.max_score, crashed.checks) == (Status.CRASHED, 0, 10, ())


def test_points_are_shared_by_weight_and_rounded_to_hundredths() -> None:
    result = ExerciseResult.graded(EXERCISE, [check("a", "passed", 2), check("b", "failed", 1)])
    assert result.score == 6.67  # 10 × 2/3
    assert [(s.points, s.max_points) for s in result.shares()] == [(6.67, 6.67), (0, 3.33)]
    thirds = ExerciseResult.graded(EXERCISE, [check(n, "passed") for n in "abc"])
    # docs/score.md: the checks' sum may differ from the exercise score by a hundredth per check
    assert thirds.score == 10 and sum(s.points for s in thirds.shares()) == pytest.approx(9.99)


def test_a_failed_gate_zeroes_every_check() -> None:
    result = ExerciseResult.graded(
        EXERCISE, [check("allowed_apis", "failed", 0, gate=True), check("a", "passed", 3)]
    )
    assert result.gated and result.score == 0 and result.max_score == 10
    assert [(s.points, s.max_points) for s in result.shares()] == [(0, 0), (0, 10)]


def test_a_skipped_check_is_worth_0_of_0_and_a_skipped_exercise_is_out_of_the_maximum() -> None:
    result = ExerciseResult.graded(EXERCISE, [check("a", "passed", 3), check("on_gpu", "skipped", 1)])
    assert (result.score, result.max_score) == (10, 10)
    assert [(s.points, s.max_points) for s in result.shares()] == [(10, 10), (0, 0)]
    skipped = ExerciseResult.graded(EXERCISE, [check("on_gpu", "skipped")])
    assert (skipped.status, skipped.score, skipped.max_score) == ("skipped", 0, 0)


def test_the_progress_line_leaves_skipped_exercises_out_of_the_count() -> None:
    done = ExerciseResult.graded(EXERCISE, [check("a", "passed")])
    half = ExerciseResult.graded(Exercise("matmul", 5), [check("a", "passed"), check("b", "failed")])
    skipped = ExerciseResult.graded(Exercise("to_device", 5), [check("on_gpu", "skipped")])
    progress = Progress.of([done, half, skipped])
    assert (progress.done, progress.total, progress.score, progress.max_score) == (1, 2, 12.5, 15)
    assert progress.line.render("en") == "exercises complete 1/2, points 12.5/15"
    assert progress.line.render("zh") == "已完成练习 1/2，得分 12.5/15"
    assert Progress.of([]).line.render("en") == "exercises complete 0/0, points 0/0"


def test_statuses_are_the_strings_reports_write() -> None:
    assert json.dumps({"status": Status.NOT_STARTED}) == '{"status": "not_started"}'
    assert f"{Status.OUTPUT_LIMIT}" == "output_limit" and Status("timeout") is Status.TIMEOUT
    assert [s for s in Status if s.ok] == [Status.PASSED, Status.SKIPPED]
    assert all(s.label.render("en") and s.label.render("zh") for s in Status)


@pytest.mark.parametrize("module", [results, i18n, settings, feedback])
def test_the_examples_in_the_docstrings_hold(module) -> None:
    outcome = doctest.testmod(module)
    assert outcome.attempted and not outcome.failed
