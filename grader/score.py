"""Grade a whole tree into a :class:`Report`: the one result every report format is written from.

A report is plain data, rendered once in the learner's language, so every format (JSON, Gradescope,
JUnit, Markdown, the terminal) says the same thing. It records what produced it (grader version and
content digest, torch, Python, Hypothesis, profile, seed, examples per check) because a score is only
worth what CI recomputes: never trust one computed on the learner's machine.

Settings are settled in one place, :func:`grader.settings.resolve_config` (re-exported here): command
line > environment > profile default. Statuses, points and the progress line come from :mod:`grader.results`.

>>> config = resolve_config(profile="ci", env={})
>>> (config.settings.max_examples, config.public_seed)
(100, 0)
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import os
import platform
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from grader import __version__, course, integrity, workers
from grader.catalog import Exercise, suggest
from grader.errors import ScoreError
from grader.feedback import check_feedback, exercise_problem
from grader.i18n import say
from grader.loader import exercise_path
from grader.printable import printable
from grader.results import ExerciseResult, Progress, Status
from grader.runner import GraderError, load_checks, load_reference, run_exercise
from grader.sandbox import Sandbox, confine
from grader.settings import RunConfig, resolve_config
from grader.stubs import is_not_started
from grader.warmup import warm_up

SCHEMA_VERSION = "1"
ISOLATION = "in-process"  # without the sandbox; with it, the level it ran at (grader.sandbox.confine)
ENV_LEVEL = "GRADER_SANDBOX_LEVEL"  # ask for a weaker level than the machine's best (tests, comparisons)
IN_PROCESS_SANDBOX = {
    "level": ISOLATION,
    "weak": True,
    "mechanisms": {},
    "missing": ["--in-process: learner code ran inside the grader itself (trusted code only)"],
}
GRADER_CRASHED = say(
    "the grader failed while checking this exercise ({error}); this is not your fault: report it",
    "评分器在检查这道题时出错（{error}）；这不是你的问题，请报告给课程人员",
)


@dataclass(frozen=True)
class CheckReport:
    name: str
    status: Status
    points: float  # a share of the exercise's points, rounded to hundredths
    max_points: float  # 0 for a skipped check, and for a gate (the forbidden-API check)
    message: str  # the feedback, in the report's language; "" when passed
    timing: Mapping[str, Any] | None = None  # a timed check's measurements (grader.timing); never a verdict

    @property
    def passed(self) -> bool:
        return self.status == Status.PASSED


@dataclass(frozen=True)
class ExerciseReport:
    id: str
    chapter: str
    title: str
    path: str  # inside the graded tree, e.g. 02_broadcasting/broadcast_add.py
    status: Status
    score: float
    max_score: float  # 0 when every check was skipped (left out of the maximum)
    checks: tuple[CheckReport, ...]
    message: str  # why the exercise as a whole was not graded (not started, does not load); else ""
    duration_s: float  # timing lives here, never in a verdict

    @property
    def passed(self) -> bool:
        return Status(self.status).ok


@dataclass(frozen=True)
class Report:
    score: float
    max_score: float
    exercises: tuple[ExerciseReport, ...]
    config: RunConfig
    selection: tuple[str, ...] | None  # the ids asked for with --exercise; None: the whole catalog
    lang: str
    versions: Mapping[str, str]
    device: Mapping[str, str]
    timestamp: str
    duration_s: float
    isolation: str = ISOLATION
    # the sandbox's level, whether it was weak (learner code could have reached the grader), each
    # mechanism in force and what a stronger level would take (grader.sandbox.host.Plan)
    sandbox: Mapping[str, Any] = dataclasses.field(default_factory=lambda: dict(IN_PROCESS_SANDBOX))
    # the course graded against (name, version, how it was chosen) and the course files found with the
    # submission that were ignored (grader.course.ignored_course_files): a tree never chooses its course
    course: Mapping[str, Any] = dataclasses.field(default_factory=lambda: {"ignored": []})

    @property
    def weak(self) -> bool:
        return bool(self.sandbox.get("weak"))

    @property
    def progress(self) -> Progress:
        return Progress.of(self.exercises)

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 0.0

    @property
    def passed_count(self) -> int:
        return self.progress.done


# -- what to grade -----------------------------------------------------------------------------------


def select_exercises(ids: Sequence[str] | None) -> tuple[Exercise, ...]:
    """The course's exercises (in course order), or just the ones named; an unknown id is an error."""
    exercises = course.active().exercises
    if not ids:
        return exercises
    known = {e.id for e in exercises}
    for wanted in ids:
        if wanted not in known:
            raise ScoreError(
                f"Expected an exercise id of course {course.active().name} but got {wanted!r};"
                f" {suggest(wanted, known)}`grader list` shows every id"
            )
    return tuple(e for e in exercises if e.id in set(ids))


def check_tree(root: Path, exercises: Sequence[Exercise]) -> Path:
    """``root`` must be a directory laid out like ``exercises/``, holding at least one exercise file."""
    root = Path(root)
    if not root.is_dir():
        what = "a file" if root.exists() else "nothing there"
        raise ScoreError(
            f"Expected a directory laid out like exercises/ but got {str(root)!r} ({what}); "
            "pass the folder holding your chapter folders, e.g. `grader score exercises/`"
        )
    if exercises and not any(exercise_path(e, root).is_file() for e in exercises):
        example = exercises[0].relpath.as_posix()
        nested = " (did you mean its exercises/ folder?)" if (root / "exercises").is_dir() else ""
        graded = course.active()
        raise ScoreError(
            f"Expected exercise files such as {example} (course {graded.name}) inside {str(root)!r} but"
            f" found none{nested}; pass the folder that holds the chapter folders (or, for another course,"
            f" its folder or name with --course; this one is {graded.root})"
        )
    return root


def plan(root: Path, exercise_ids: Sequence[str] | None = None) -> tuple[Path, tuple[Exercise, ...]]:
    """What a run will grade, checked before any grading starts: the tree and the exercises in it."""
    exercises = select_exercises(exercise_ids)
    return check_tree(root, exercises), exercises


# -- grading -----------------------------------------------------------------------------------------


def grade_tree(
    root: Path,
    exercise_ids: Sequence[str] | None = None,
    config: RunConfig | None = None,
    lang: str = "en",
    on_exercise: Callable[[ExerciseReport], None] | None = None,
    sandboxed: bool = True,
    allow_weak_isolation: bool = False,
    level: str | None = None,
    jobs: int = 1,
) -> Report:
    """Grade every selected exercise of the tree at ``root`` and gather the results into a Report.

    ``on_exercise`` is told about each exercise as soon as it is graded (the CLI prints progress).
    ``sandboxed`` runs the learner's code in confined child processes (grader.sandbox); without it the
    code runs in this process, which only trusted code may do. A sandbox that cannot protect the score
    (``process``: learner code could write the grader's files) is refused (ScoreError) unless
    ``allow_weak_isolation``; ``level`` (or $GRADER_SANDBOX_LEVEL) asks for a weaker level than the best.
    Everything the parent runs is imported, and fingerprinted, before any learner code; the grader's
    files, the course's and Python's start-up files (.pth, sitecustomize: grader.integrity) are checked
    again before the report is returned (ScoreError if they changed). ``jobs`` above 1 grades that many
    exercises at a time, each worker with a sandbox of its own (grader.workers); the report is the same.
    """
    config = config or resolve_config(env={})
    root, exercises = plan(root, exercise_ids)
    graded = course.active()
    used = {
        "name": graded.name,
        "version": graded.version,
        "chosen_by": graded.origin,
        "ignored": list(course.ignored_course_files(root, graded)),
    }
    started = time.perf_counter()
    helping = sandboxed and jobs > 1 and len(exercises) > 1
    with contextlib.ExitStack() as stack:
        sandbox = stack.enter_context(open_sandbox(level, allow_weak_isolation)) if sandboxed else None
        # the helpers start now: their set-up (grader.workers) overlaps this process's own
        helpers = (
            stack.enter_context(
                _helpers(root, config, lang, level, allow_weak_isolation, min(jobs, len(exercises)))
            )
            if helping
            else None
        )
        load_grader_files(exercises)
        snapshot = integrity.capture(course.active().root)
        if sandbox is not None:
            warm_up()  # while the fork server does the same: this process would pay it soon anyway
        freeze_what_is_loaded()
        if helpers is not None:
            sandbox.spin_seconds = 0.0  # the cores are shared with the helpers: none may be polled away
            helpers.wait_until_ready()  # no exercise is handed out before everything everywhere is loaded
            _same_level(sandbox, helpers)

            def grade_here(exercise: Exercise, following: Exercise | None) -> ExerciseReport:
                _prepare_next(sandbox, [following] if following else [], root)
                return grade_one(exercise, root, config, lang, sandbox)

            reports = workers.share(helpers, exercises, grade_here, on_exercise)
        else:
            reports = _grade_all(root, exercises, config, lang, on_exercise, sandbox)
        isolation = sandbox.isolation if sandbox is not None else ISOLATION
        described = describe(sandbox) if sandbox is not None else dict(IN_PROCESS_SANDBOX)
    snapshot.verify()
    progress = Progress.of(reports)
    return Report(
        score=progress.score,
        max_score=progress.max_score,
        exercises=tuple(reports),
        config=config,
        selection=tuple(e.id for e in exercises) if exercise_ids else None,
        lang=lang,
        versions=versions(),
        device=device(),
        timestamp=datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        duration_s=round(time.perf_counter() - started, 3),
        isolation=isolation,
        sandbox=described,
        course=used,
    )


def open_sandbox(level: str | None, allow_weak_isolation: bool) -> Sandbox:
    """The sandbox for this run, refused when it cannot protect the score (unless that is allowed)."""
    level = level or os.environ.get(ENV_LEVEL) or None
    if level is not None and level not in (confine.NAMESPACES, confine.UID, confine.PROCESS):
        raise ScoreError(
            f"Expected ${ENV_LEVEL} to be one of namespaces, uid, process but got {level!r}; unset it to"
            " use the strongest level this machine offers"
        )
    try:
        sandbox = Sandbox(level=level)
    except ValueError as e:
        raise ScoreError(f"{e}; unset ${ENV_LEVEL} to use the strongest level this machine offers") from None
    if not sandbox.plan.protects_score and not allow_weak_isolation:
        missing = "; ".join(sandbox.plan.missing) or f"${ENV_LEVEL} asked for {level}"
        raise ScoreError(
            f"Expected a sandbox that keeps learner code away from the grader, but this machine only offers"
            f" the {sandbox.plan.level!r} level, where learner code runs as your user and could rewrite the"
            f" grader's files and this score. What is missing: {missing}. To grade anyway (every report"
            " will say the score is not protected), pass --allow-weak-isolation"
        )
    return sandbox


def describe(sandbox: Sandbox) -> dict[str, Any]:
    level = sandbox.isolation
    return {
        "level": level,
        "weak": level not in confine.STRONG,
        "mechanisms": sandbox.mechanisms(),
        "missing": list(sandbox.plan.missing),
    }


def load_grader_files(exercises: Sequence[Exercise]) -> None:
    """Every reference and spec, loaded before any learner code runs."""
    for exercise in exercises:
        try:
            load_checks(exercise)
            load_reference(exercise)
        except (GraderError, ImportError) as e:
            raise ScoreError(
                f"The grader's own files for {exercise.id} are broken, so no score can be trusted: {e}. "
                "This is not your fault: report it to the course staff"
            ) from None


def _grade_all(
    root: Path,
    exercises: Sequence[Exercise],
    config: RunConfig,
    lang: str,
    on_exercise: Callable[[ExerciseReport], None] | None,
    sandbox: Sandbox | None,
) -> list[ExerciseReport]:
    reports: list[ExerciseReport] = []
    for position, exercise in enumerate(exercises):
        if sandbox is not None:
            _prepare_next(sandbox, exercises[position + 1 :], root)
        report = grade_one(exercise, root, config, lang, sandbox)
        reports.append(report)
        if on_exercise:
            on_exercise(report)
    return reports


def grade_one(
    exercise: Exercise, root: Path, config: RunConfig, lang: str, sandbox: Sandbox | None
) -> ExerciseReport:
    """One exercise's report. The grader's own broken files stop everything (ScoreError); a grader bug
    that this submission triggers is this exercise's error, and grading goes on."""
    begin = time.perf_counter()
    try:
        result = run_exercise(exercise, root, config.settings, sandbox=sandbox)
    except GraderError as e:
        raise ScoreError(
            f"The grader's own files for {exercise.id} are broken, so no score can be trusted: {e}. "
            "This is not your fault: report it to the course staff"
        ) from None
    except Exception as e:  # a grader bug triggered by this submission: grade the rest regardless
        result = _crashed(exercise, e)
    return exercise_report(result, lang, time.perf_counter() - begin)


def _same_level(sandbox: Sandbox, helpers: workers.Helpers) -> None:
    """The report states one isolation level: every helper must have reached the parent's."""
    others = sorted(set(helpers.levels) - {sandbox.isolation})
    if others:
        raise ScoreError(
            f"Expected every grading helper to run at the {sandbox.isolation!r} sandbox level, as this"
            f" process does, but one runs at {others[0]!r}; grade with --jobs 1"
        )


@contextlib.contextmanager
def _helpers(
    root: Path, config: RunConfig, lang: str, level: str | None, allow_weak_isolation: bool, jobs: int
) -> Iterator[workers.Helpers]:
    """The ``jobs - 1`` helper processes that grade beside this one (grader.workers), stopped on leaving."""
    setup = workers.Setup(course.active(), root, config, lang, level, allow_weak_isolation)
    helpers = workers.Helpers(setup, jobs - 1, f"{__name__}:help_grade")
    try:
        yield helpers
    finally:
        helpers.close()


def help_grade(setup: workers.Setup, connection: Any) -> None:
    """A helper of grade_tree's (grader.workers): set up as a one-process ``grader score`` sets itself up,
    then grade what the parent sends (its sandbox's fork server is already started: grader.workers)."""
    try:
        course.use(setup.course)
        with open_sandbox(setup.level, setup.allow_weak_isolation) as sandbox:
            sandbox.spin_seconds = 0.0  # the cores are shared: none may be polled away from a child
            load_grader_files(course.active().exercises)
            warm_up()
            freeze_what_is_loaded()
            connection.send(("ready", describe(sandbox)))
            sent: deque[str | None] = deque()
            while (exercise_id := sent.popleft() if sent else connection.recv()) is not None:
                while (
                    connection.poll()
                ):  # the next one is already here: its child starts while this is graded
                    sent.append(connection.recv())
                following = [course.active().get(i) for i in sent if i is not None][:1]
                _prepare_next(sandbox, following, setup.root)
                exercise = course.active().get(exercise_id)
                report = grade_one(exercise, setup.root, setup.config, setup.lang, sandbox)
                connection.send(("graded", exercise_id, report))
    except (EOFError, BrokenPipeError, KeyboardInterrupt):  # the parent is gone, or stopped the run
        pass
    except ScoreError as e:
        workers.tell(connection, str(e))
    except BaseException as e:  # a grader bug: the parent reports it, and writes no score
        workers.tell(
            connection,
            f"a grading helper failed ({type(e).__name__}: {e}); this is not your fault: report it",
        )


def freeze_what_is_loaded() -> None:
    """What is loaded before grading lives as long as the run: frozen, the garbage collector's passes skip
    it (each full pass otherwise walked every object of torch, Hypothesis and the course)."""
    gc.freeze()


def _prepare_next(sandbox: Sandbox, upcoming: Sequence[Exercise], root: Path) -> None:
    """Spawn the next exercise's child now (if started), so its set-up overlaps this exercise's grading."""
    if upcoming and not is_not_started(upcoming[0], root):
        sandbox.prepare(upcoming[0], root)


def _crashed(exercise: Exercise, error: Exception) -> ExerciseResult:
    problem = GRADER_CRASHED(error=f"{type(error).__name__}: {error}"[:500])
    return ExerciseResult.ungraded(exercise, Status.ERROR, problem)


def exercise_report(result: ExerciseResult, lang: str, duration_s: float = 0.0) -> ExerciseReport:
    """One exercise's result, rendered in ``lang``, with check points as shares of the exercise's."""
    exercise = result.exercise
    checks = [
        CheckReport(
            c.check,
            c.status,
            share.points,
            share.max_points,
            "" if c.passed else printable(check_feedback(exercise, c, lang)),
            c.timing,
        )
        for c, share in zip(result.checks, result.shares(), strict=True)
    ]
    return ExerciseReport(
        id=exercise.id,
        chapter=exercise.chapter,
        title=exercise.title[lang],
        path=exercise.relpath.as_posix(),
        status=result.status,
        score=result.score,
        max_score=result.max_score,
        checks=tuple(checks),
        message=printable(exercise_problem(result, lang)) if result.problem is not None else "",
        duration_s=round(duration_s, 3),
    )


def progress_text(report: Report) -> str:
    """The closing line, as ``pytest exercises/`` prints it (grader.results.Progress)."""
    return report.progress.line.render(report.lang)


# -- provenance --------------------------------------------------------------------------------------


def versions() -> dict[str, str]:
    import hypothesis
    import torch

    return {
        "grader": grader_version(),
        "grader_digest": grader_digest(),
        "torch": torch.__version__,
        "python": platform.python_version(),
        "hypothesis": hypothesis.__version__,
    }


def grader_version() -> str:
    """The engine's version: ``grader.__version__``, the one place it is written (pyproject.toml reads it)."""
    return __version__


def grader_digest() -> str:
    """sha256 over the grader's code and the graded course's metadata, catalog, specs and references:
    which grader exactly produced a score.

    Files are named the same in a checkout and in an installed package (the engine's ``grader/``, the
    course's ``course/``), so both give the same digest.
    """
    return _digest(Path(__file__).resolve().parent, course.active().root)


@cache
def _digest(package: Path, course_root: Path) -> str:
    named: dict[str, Path] = {}
    for path in package.rglob("*"):
        if path.suffix in (".py", ".toml") and "__pycache__" not in path.parts:
            named["grader/" + path.relative_to(package).as_posix()] = path
    graded = course.load(course_root)
    parts = [course_root / course.MARKER, *sorted(graded.catalog_dir.glob("*.toml"))]
    parts += sorted(p for p in graded.specs_dir.rglob("*.py") if "__pycache__" not in p.parts)
    for path in parts:
        named["course/" + path.relative_to(course_root).as_posix()] = path
    for path in sorted(graded.reference_dir.rglob("*.py")):
        if "__pycache__" not in path.parts:
            named["course/reference/" + path.relative_to(graded.reference_dir).as_posix()] = path
    digest = hashlib.sha256()
    for name in sorted(named):
        digest.update(name.encode() + b"\0" + named[name].read_bytes() + b"\0")
    return "sha256:" + digest.hexdigest()


def device() -> dict[str, str]:
    import torch

    if torch.cuda.is_available():
        return {"type": "cuda", "name": torch.cuda.get_device_name(0)}
    return {"type": "cpu", "name": platform.machine() or "unknown"}
