"""grader.timing with fake clocks and functions of known duration, and the timed checks' judges.

No test here measures real time except the last few, which grade real submissions whose speeds differ
by 50x or more against a 20x threshold (noise on a shared machine moves ratios by well under 2x); how
often the timed check separates them is measured in benchmarks/separation.py, not asserted here.
"""

import dataclasses
import time
from pathlib import Path

import pytest
import torch

from grader import course, timing
from grader.cases import Case
from grader.harness import LearnerError
from grader.i18n import say
from grader.racing import TimedCall, run_race
from grader.reports import json_report
from grader.runner import ExerciseResult, Judgement, Settings, load_reference, run_check, run_exercise
from grader.spec import Holds, Races
from grader.timing import FakeClock

pairwise = course.active().spec_module("pairwise_sq_distances")
tod = course.active().spec_module("time_on_device")

SUBMISSIONS = Path(__file__).parent / "submissions"


def test_iqr_of_one_value_and_of_several() -> None:
    assert timing.iqr([5.0]) == (5.0, 5.0)
    assert timing.iqr([1.0, 2.0, 3.0, 4.0, 5.0]) == (2.0, 4.0)


@pytest.mark.parametrize(
    ("ratios", "verdict"),
    [
        ([30, 31, 32, 40, 50], "passed"),
        ([20, 20, 20, 20], "passed"),  # at the threshold counts
        ([1, 1.2, 1.1, 0.9], "failed"),
        ([10, 15, 25, 30, 35], None),  # the IQR straddles 20: undecided
    ],
)
def test_decide_needs_the_whole_iqr_on_one_side(ratios: list[float], verdict: str | None) -> None:
    assert timing.decide(ratios, 20) == verdict


def durations(clock: FakeClock, seconds: list[float]):
    """A function whose k-th call takes seconds[k % len(seconds)] on the fake clock."""
    calls = iter(range(10**6))

    def fn(_inputs) -> int:
        k = next(calls)
        clock.advance(seconds[k % len(seconds)])
        return k

    return fn


def test_race_speedup_is_median_of_per_pair_ratios() -> None:
    clock = FakeClock()
    learner = timing.on_stopwatch(durations(clock, [0.001, 0.002]), "cpu", clock)
    baseline = durations(clock, [0.040])
    result = timing.race(learner, baseline, lambda k: k, threshold=10, device="cpu", pairs=4, clock=clock)
    # warm-up (2 pairs) is untimed, so the timed learner calls are again 1, 2, 1, 2 ms
    assert sorted(result.learner_s) == pytest.approx([0.001, 0.001, 0.002, 0.002])
    assert result.speedup == pytest.approx(30.0)
    assert result.spread == pytest.approx((20.0, 40.0))
    assert (result.verdict, result.rounds, result.threads) == ("passed", 1, torch.get_num_threads())
    d = result.to_dict()
    assert d["learner_s"] == pytest.approx(0.0015) and d["baseline_s"] == pytest.approx(0.040)


def test_race_excludes_warmup_calls() -> None:
    clock = FakeClock()
    slow_start = timing.on_stopwatch(durations(clock, [1.0, 1.0, 1.0] + [0.001] * 1000), "cpu", clock)
    result = timing.race(
        slow_start, durations(clock, [0.1]), lambda k: k, threshold=10, device="cpu", warmup=3, clock=clock
    )
    assert max(result.learner_s) == pytest.approx(0.001)
    assert result.verdict == "passed"


def test_race_interleaves_and_gives_fresh_inputs_to_every_pair() -> None:
    seen: list[tuple[str, int]] = []
    clock = FakeClock()
    timing.race(
        lambda k: seen.append(("A", k)) or 0.001,
        lambda k: seen.append(("B", k)),
        lambda k: k,
        threshold=1,
        device="cpu",
        pairs=4,
        warmup=1,
        clock=clock,
    )
    assert seen == [
        ("A", 0),
        ("B", 0),
        ("A", 1),
        ("B", 1),
        ("B", 2),
        ("A", 2),
        ("A", 3),
        ("B", 3),
        ("B", 4),
        ("A", 4),
    ]


def test_race_remeasures_then_reports_inconclusive() -> None:
    clock = FakeClock()
    # ratios alternate 10x and 40x: the IQR always straddles 20
    learner = timing.on_stopwatch(durations(clock, [0.004, 0.001]), "cpu", clock)
    result = timing.race(
        learner,
        durations(clock, [0.040]),
        lambda k: k,
        threshold=20,
        device="cpu",
        pairs=4,
        max_rounds=3,
        clock=clock,
    )
    assert (result.verdict, result.rounds) == ("inconclusive", 3)


def test_race_stops_at_the_first_decisive_round() -> None:
    clock = FakeClock()
    # round 1 (after 2 warm-up pairs): noisy; round 2: clearly fast
    learner = durations(clock, [0.001, 0.001] + [0.004, 0.001] * 2 + [0.001] * 100)
    learner = timing.on_stopwatch(learner, "cpu", clock)
    result = timing.race(
        learner, durations(clock, [0.040]), lambda k: k, threshold=20, device="cpu", pairs=4, clock=clock
    )
    assert (result.verdict, result.rounds) == ("passed", 2)


def test_race_slow_learner_fails() -> None:
    clock = FakeClock()
    result = timing.race(
        timing.on_stopwatch(durations(clock, [0.010]), "cpu", clock),
        durations(clock, [0.012]),
        lambda k: k,
        threshold=20,
        device="cpu",
        clock=clock,
    )
    assert result.verdict == "failed" and result.speedup == pytest.approx(1.2)


def test_race_takes_the_learners_time_from_the_trusted_measure_it_is_given() -> None:
    """The learner side reports a duration measured elsewhere (the sandbox's parent clock): whatever else
    happens around the call (checking its output, here 5 s on the clock) is not counted."""
    clock = FakeClock()

    def learner(k: int) -> float:
        clock.advance(5.0)  # checking the output: would ruin the ratios if it were timed
        return 0.001

    result = timing.race(
        learner, durations(clock, [0.1]), lambda k: k, threshold=20, device="cpu", pairs=3, clock=clock
    )
    assert result.learner_s == (0.001, 0.001, 0.001)
    assert result.speedup == pytest.approx(100.0)


def test_race_pins_threads_and_restores_them() -> None:
    before = torch.get_num_threads()
    clock = FakeClock()
    result = timing.race(
        timing.on_stopwatch(durations(clock, [0.001]), "cpu", clock),
        durations(clock, [0.1]),
        lambda k: k,
        threshold=20,
        device="cpu",
        threads=1,
        clock=clock,
    )
    assert result.threads == 1 and torch.get_num_threads() == before


def test_stopwatch_times_only_the_call() -> None:
    clock = FakeClock()
    seconds, value = timing.Stopwatch("cpu", clock=clock).time(lambda: clock.advance(0.25) or "done")
    assert (seconds, value) == (0.25, "done")


def test_median_time_excludes_warmup() -> None:
    clock = FakeClock()
    fn = durations(clock, [9.0, 9.0, 0.002, 0.003, 0.001])
    assert timing.median_time(
        lambda: fn(None), device="cpu", warmup=2, repeats=3, clock=clock
    ) == pytest.approx(0.002)


def test_summarise_recomputes_the_verdict_from_raw_times() -> None:
    result = timing.summarise([0.001] * 5, [0.1] * 5, threshold=20, device="cpu", threads=1)
    assert (result.verdict, result.speedup) == ("passed", pytest.approx(100))
    with pytest.raises(ValueError, match="equally many"):
        timing.summarise([0.001], [], threshold=20, device="cpu", threads=1)


def test_describe_names_device_times_speedup_and_spread() -> None:
    result = timing.summarise([0.001, 0.002], [0.05, 0.05], threshold=20, device="cpu (X)", threads=1)
    line = result.describe()
    for part in ("cpu (X), 1 thread", "yours 1.50 ms", "baseline 50.00 ms", "speedup 37.5x", "IQR", ">= 20x"):
        assert part in line
    assert "加速" in result.describe("zh")


# -- races (grader.racing): the trusted side's inputs, clock and checks, with a stand-in learner -----------


class StandIn:
    """A learner whose timed calls take ``seconds`` (as measured by the trusted side) and answer with
    ``answer(args)``; remembers the arguments it was given."""

    def __init__(
        self, seconds, answer=lambda args: pairwise.python_loop(*args), error=None, changes_inputs=False
    ):
        self.seconds, self.answer, self.error, self.seen = seconds, answer, error, []
        self.changes_inputs = changes_inputs

    def baseline_clock(self, check):
        return timing.DEFAULT_CLOCK

    def timed_call(self, check, args):
        self.seen.append(args)
        k = len(self.seen) - 1
        seconds = self.seconds[k % len(self.seconds)]
        if self.error is not None:
            return TimedCall(seconds, error=self.error)
        return TimedCall(seconds, self.answer(args), inputs_changed=self.changes_inputs)


def _race_check(**changes) -> Races:
    """The CPU race of pairwise_sq_distances, on small inputs against a 2 ms baseline (fast tests)."""
    check = next(c for c in pairwise.CHECKS if c.name == "faster_than_python_loop")
    small = {"prepare": pairwise.random_points((64, 8, 3)), "baseline": lambda x, y: time.sleep(0.002)}
    return dataclasses.replace(check, **(small | {"pairs": 6} | changes))


def test_race_passes_fast_and_right_answers() -> None:
    outcome = run_race(_race_check(), StandIn([2e-5]))
    assert outcome.problem is None and outcome.skip is None
    assert outcome.timing["verdict"] == "passed" and outcome.timing["baseline"] == "a Python loop over rows"


def test_race_fails_slow_answers() -> None:
    outcome = run_race(_race_check(), StandIn([0.01]))
    assert outcome.problem is not None and "not fast enough" in outcome.problem.render("en")


def test_race_skips_inconclusive_timing_rather_than_failing() -> None:
    outcome = run_race(_race_check(), StandIn([2e-3, 2e-5]))  # ratios near 1x and 100x, around 20x
    assert outcome.problem is None and outcome.skip is not None
    assert "inconclusive" in outcome.skip.render("en")


def test_race_fails_a_fast_stale_result_whatever_the_speed() -> None:
    first: list = []

    def stale(args):
        first.append(pairwise.python_loop(*args)) if not first else None
        return first[0]

    outcome = run_race(_race_check(), StandIn([1e-6], stale))
    text = outcome.problem.render("en")
    assert "timed call 2" in text and "earlier call" in text


def test_race_fails_a_wrong_shape_and_an_error() -> None:
    outcome = run_race(_race_check(), StandIn([1e-6], lambda args: pairwise.python_loop(*args).T))
    assert "expected a tensor of shape (64, 8)" in outcome.problem.render("en")
    error = LearnerError("RuntimeError", "boom", '  File "x.py", line 3')
    outcome = run_race(_race_check(), StandIn([1e-6], lambda args: None, error))
    assert "RuntimeError: boom" in outcome.problem.render("en") and outcome.learner_where


def test_race_fails_a_call_that_writes_into_its_inputs() -> None:
    outcome = run_race(_race_check(), StandIn([1e-6], changes_inputs=True))
    assert "modified its input x, y" in outcome.problem.render("en")


def test_race_inputs_cannot_be_predicted_from_the_seed() -> None:
    """Two races draw different points: their generator is seeded by the OS, not by the grading seed."""
    first, second = StandIn([2e-5]), StandIn([2e-5])
    run_race(_race_check(), first)
    run_race(_race_check(), second)
    assert not torch.equal(first.seen[0][0], second.seen[0][0])


def test_gpu_timer_judge_fails_an_unsynchronised_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    """The grader's own measurement is made in the trusted process (here: a stand-in of 2.1-2.2 ms)."""
    monkeypatch.setattr(tod, "grader_timer", lambda cycles: [0.0021, 0.0022])
    monkeypatch.setattr(tod, "device_name", lambda device: "Fake GPU")  # the spec imported it by name
    case = tod.gpu_case(3, 3)
    problem = tod.agrees_with_grader_timer(case, 12e-6)
    assert problem is not None and "before the GPU finished" in problem.render("en")
    assert tod.agrees_with_grader_timer(case, 0.00215) is None
    assert tod.agrees_with_grader_timer(case, 4.5 * 0.0021) is not None  # warm-up counted


# -- the runner and the reports -----------------------------------------------------------------------


def _grade(source: Path, tmp_path: Path, only: set[str]):
    exercise = course.active().get(source.parent.name)
    target = tmp_path / exercise.relpath
    target.parent.mkdir(parents=True)
    target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    return run_exercise(exercise, tmp_path, Settings(max_examples=5, seed=1), only=only)


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("right_expansion_clamped", "passed"),
        ("wrong_python_loop_over_rows", "failed"),
        ("wrong_caches_large_results", "failed"),
        ("wrong_centres_inputs_in_place", "failed"),
    ],
)
def test_cpu_timed_check_on_submissions(name: str, status: str, tmp_path: Path) -> None:
    path = SUBMISSIONS / "pairwise_sq_distances" / f"{name}.py"
    result = _grade(path, tmp_path, {"faster_than_python_loop"})
    (check,) = result.checks
    assert check.status == status, check.failure and check.failure.problem.render("en")
    if name.startswith("right"):  # a wrong one stops at a wrong timed output, before any verdict
        assert check.timing is not None and check.timing["threads"] == 1


def test_a_judge_skip_is_skipped_and_out_of_the_maximum() -> None:
    exercise = course.active().get("pairwise_sq_distances")
    reference = load_reference(exercise)
    case = Case.of(x=torch.ones(2, 2), y=torch.ones(3, 2))

    def inconclusive(case: Case, got: object) -> Judgement:
        return Judgement(skip=say("inconclusive timing", "计时无法判定"), timing={"verdict": "inconclusive"})

    check = Holds(name="timed", points=3, examples=(case,), judge=inconclusive)
    result = run_check(check, reference, reference, Settings())
    assert (result.status, result.points, result.max_points) == ("skipped", 0, 0)
    assert result.timing == {"verdict": "inconclusive"}
    assert result.failure is not None and result.failure.skip
    passed = run_check(
        check.__class__(**{**check.__dict__, "judge": lambda c, g: None}), reference, reference, Settings()
    )
    graded = ExerciseResult(exercise, "passed", (result, passed))
    assert graded.score == exercise.points  # the skipped check neither costs nor earns


def test_unsynchronised_timer_passes_on_cpu_only_because_the_cpu_cannot_tell(tmp_path: Path) -> None:
    path = SUBMISSIONS / "time_on_device" / "cuda_wrong_unsynchronised.py"
    result = _grade(
        path, tmp_path, {"excludes_warmup", "returns_median_seconds", "cuda_agrees_with_grader_timer"}
    )
    statuses = {c.check: c.status for c in result.checks}
    if torch.cuda.is_available():
        assert statuses["cuda_agrees_with_grader_timer"] == "failed"
    else:
        assert statuses == {
            "excludes_warmup": "passed",
            "returns_median_seconds": "passed",
            "cuda_agrees_with_grader_timer": "skipped",
        }


def test_json_keeps_timing_out_of_the_verdicts() -> None:
    data = {
        "exercises": [
            {
                "id": "e",
                "timings": {"total_s": 1},
                "checks": [{"name": "c", "status": "passed", "timing": {"x": 1}}],
            }
        ]
    }
    assert json_report.verdicts(data)["exercises"] == [
        {"id": "e", "checks": [{"name": "c", "status": "passed"}]}
    ]


CORRECT_TIMER = (SUBMISSIONS / "time_on_device" / "right_sorted_middle.py").read_text()
# the same timer, averaging where the median is asked for
MEAN_TIMER = CORRECT_TIMER.split("    durations.sort()")[0] + "    return sum(durations) / len(durations)\n"


def _timed_checks(source: str, tmp_path: Path) -> dict[str, str]:
    exercise = course.active().get("time_on_device")
    path = tmp_path / exercise.relpath
    path.parent.mkdir(parents=True)
    path.write_text(source)
    result = run_exercise(
        exercise, tmp_path, Settings(max_examples=3), only={"excludes_warmup", "returns_median_seconds"}
    )
    return {c.check: c.status for c in result.checks}


def test_a_busy_machine_that_wakes_late_fails_no_correct_timer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a loaded runner every sleep overshot (5 ms took 18 ms) and correct answers failed; the bound now
    follows how long the learner's whole call took on the parent's clock. (The judge takes no per-call
    measurement from the learner's process, which could forge it: under such load it allows the overshoot
    to the median, so a mean may pass there; on a quiet machine it fails, below.)"""
    spec = course.spec_module(course.active().get("time_on_device"))
    sleep = time.sleep
    monkeypatch.setattr(spec.time, "sleep", lambda seconds: sleep(3 * seconds + 0.004))
    assert set(_timed_checks(CORRECT_TIMER, tmp_path).values()) == {"passed"}


def test_a_mean_where_the_median_is_asked_fails(tmp_path: Path) -> None:
    statuses = _timed_checks(MEAN_TIMER, tmp_path)
    assert statuses == {"excludes_warmup": "passed", "returns_median_seconds": "failed"}, statuses
