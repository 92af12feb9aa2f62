"""What grading found, and the one place it is added up.

A check ends in a :class:`CheckResult`, an exercise in an :class:`ExerciseResult`; both carry a
:class:`Status`, whose strings are the ones every report writes. Everything that follows from results is
decided here and nowhere else, so the runner, the pytest plugin, ``grader score`` and every report agree:

- an exercise's status from its checks (:func:`exercise_status`: gates and skipped checks included);
- its score, and each check's share of the points (:meth:`ExerciseResult.shares`, docs/score.md "Scores");
- the closing progress line (:class:`Progress`), the same under ``pytest exercises/`` and ``grader score``.

>>> Status("not_started").label.render("zh")
'尚未开始'
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from grader.i18n import Msg, say

if TYPE_CHECKING:
    from grader.catalog import Exercise


class Status(enum.StrEnum):
    """How a check or an exercise ended. A ``str``: reports and JSON write its value."""

    PASSED = "passed"
    FAILED = "failed"
    NOT_STARTED = "not_started"
    ERROR = "error"
    TIMEOUT = "timeout"
    SKIPPED = "skipped"
    # the learner's code took its sandboxed process down (grader score only)
    MEMORY = "memory"
    CRASHED = "crashed"
    EXITED = "exited"
    OUTPUT_LIMIT = "output_limit"

    @property
    def ok(self) -> bool:
        """Not a failure: passed, or skipped (nothing could run here, so nothing was wrong)."""
        return self in (Status.PASSED, Status.SKIPPED)

    @property
    def label(self) -> Msg:
        """The status as reports name it to the learner."""
        return LABELS[self]


LABELS: dict[Status, Msg] = {
    Status.PASSED: say("passed", "通过"),
    Status.FAILED: say("failed", "未通过"),
    Status.NOT_STARTED: say("not started", "尚未开始"),
    Status.ERROR: say("error", "出错"),
    Status.TIMEOUT: say("timed out", "超时"),
    Status.SKIPPED: say("skipped", "已跳过"),
    Status.MEMORY: say("out of memory", "内存超限"),
    Status.CRASHED: say("crashed", "崩溃"),
    Status.EXITED: say("exited early", "提前退出"),
    Status.OUTPUT_LIMIT: say("too much output", "输出过多"),
}
PROGRESS = say(
    "exercises complete {done}/{total}, points {points:g}/{max_points:g}",
    "已完成练习 {done}/{total}，得分 {points:g}/{max_points:g}",
)


@dataclass(frozen=True)
class Failure:
    """Why a check did not pass (or, with ``skip``, why it could not be decided)."""

    problem: Msg
    case_source: str | None = None  # the smallest failing input, as Python to paste
    learner_where: str = ""  # the learner's own frames, when their code raised
    skip: bool = False  # not a failure: the check could not be decided (Judgement.skip); ``problem`` says why


@dataclass(frozen=True)
class CheckResult:
    """One check of one exercise. ``points``/``max_points`` are the check's weights (its spec's
    ``points``), earned and possible; :meth:`ExerciseResult.shares` turns them into points of the exercise.

    >>> CheckResult("patchify", "rejects_bad_sizes", "failed", 0, 2).status is Status.FAILED
    True
    """

    exercise: str
    check: str
    status: Status
    points: float
    max_points: float
    failure: Failure | None = None
    gate: bool = False  # the forbidden-API check: worth nothing itself, a failure zeroes the exercise
    timing: Mapping[str, Any] | None = None  # a timed check's measurements (grader.timing), never a verdict

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", Status(self.status))  # an unknown one fails here, not in a report

    @property
    def passed(self) -> bool:
        return self.status == Status.PASSED


@dataclass(frozen=True)
class Share:
    """A check's part of its exercise's points, rounded to hundredths."""

    points: float
    max_points: float  # 0 for a skipped check and for a gate


def exercise_status(checks: Sequence[CheckResult]) -> Status:
    """An exercise graded check by check: failed when any check failed (a gate included); skipped when
    every check but the gate was skipped (nothing could run here: no GPU, a missing package); else passed.

    >>> exercise_status([CheckResult("x", "on_gpu", "skipped", 0, 0), CheckResult("x", "a", "passed", 1, 1)])
    <Status.PASSED: 'passed'>
    """
    if not all(c.status.ok for c in checks):
        return Status.FAILED
    if all(c.status == Status.SKIPPED for c in checks if not c.gate):
        return Status.SKIPPED
    return Status.PASSED


@dataclass(frozen=True)
class ExerciseResult:
    """One exercise: graded check by check (:meth:`graded`), or not at all (:meth:`ungraded`: not started,
    does not load, the learner's code took it down), then ``problem`` says why.

    The status of a graded exercise follows from its checks; one that disagrees is refused.
    """

    exercise: Exercise
    status: Status
    checks: tuple[CheckResult, ...] = field(default_factory=tuple)
    problem: Msg | None = None  # why the exercise as a whole could not be graded

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", Status(self.status))
        object.__setattr__(self, "checks", tuple(self.checks))
        if self.checks and self.status != exercise_status(self.checks):
            raise ValueError(
                f"Expected status {exercise_status(self.checks)!s} for {self.exercise.id} from its checks but"
                f" got {self.status!s}; build it with ExerciseResult.graded(exercise, checks)"
            )

    @classmethod
    def graded(cls, exercise: Exercise, checks: Iterable[CheckResult]) -> ExerciseResult:
        """The exercise's result from its checks, the gate listed first (it runs last)."""
        ordered = tuple(sorted(checks, key=lambda c: not c.gate))
        return cls(exercise, exercise_status(ordered), ordered)

    @classmethod
    def ungraded(cls, exercise: Exercise, status: Status | str, problem: Msg) -> ExerciseResult:
        """An exercise that could not be graded check by check, and why."""
        return cls(exercise, Status(status), problem=problem)

    @property
    def max_score(self) -> float:
        """The exercise's points, or 0 when it was skipped (left out of the maximum)."""
        return 0.0 if self.status == Status.SKIPPED else float(self.exercise.points)

    @property
    def score(self) -> float:
        """``points × earned weight / counted weight`` over the checks that ran, rounded to hundredths;
        0 when a gate failed."""
        counted = [c for c in self.checks if c.status != Status.SKIPPED]
        if not counted or self.gated:
            return 0.0
        weight = sum(c.max_points for c in counted)
        earned = sum(c.points for c in counted)
        return round(self.exercise.points * earned / weight, 2) if weight else 0.0

    @property
    def gated(self) -> bool:
        """Whether a gate (the forbidden-API check) failed, which zeroes every check."""
        return any(c.gate and not c.passed for c in self.checks)

    def shares(self) -> tuple[Share, ...]:
        """Each check's share of the exercise's points, by weight, in the order of ``checks``: a skipped
        check (and a gate) is worth 0 of 0; after a failed gate every check earns 0.

        The shares are rounded to hundredths, so their sum may differ from :attr:`score` by a hundredth
        per check (docs/score.md).
        """
        weight = sum(c.max_points for c in self.checks if c.status != Status.SKIPPED)
        shares = []
        for c in self.checks:
            share = 0.0 if c.status == Status.SKIPPED or not weight else c.max_points / weight
            max_points = round(self.exercise.points * share, 2)
            shares.append(Share(max_points if c.passed and not self.gated else 0.0, max_points))
        return tuple(shares)


class Scored(Protocol):
    """What the progress line counts: an :class:`ExerciseResult`, or a report's rendered exercise."""

    @property
    def status(self) -> str: ...

    @property
    def score(self) -> float: ...

    @property
    def max_score(self) -> float: ...


@dataclass(frozen=True)
class Progress:
    """How far a learner is, over the exercises graded: an exercise that could not run here at all
    (skipped) is out of the count, as it is out of the maximum.

    >>> Progress(done=12, total=40, score=151.0, max_score=460.0).line.render("en")
    'exercises complete 12/40, points 151/460'
    """

    done: int
    total: int
    score: float
    max_score: float

    @classmethod
    def of(cls, exercises: Iterable[Scored]) -> Progress:
        counted = [e for e in exercises if e.status != Status.SKIPPED]
        return cls(
            done=sum(e.status == Status.PASSED for e in counted),
            total=len(counted),
            score=round(sum(e.score for e in counted), 2),
            max_score=round(sum(e.max_score for e in counted), 2),
        )

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 0.0

    @property
    def line(self) -> Msg:
        """The closing line of ``pytest exercises/`` and ``grader score``."""
        return PROGRESS(done=self.done, total=self.total, points=self.score, max_points=self.max_score)
