"""Run an exercise's checks against the reference and turn what happened into results.

``run_exercise`` is the one entry point both the pytest plugin and ``grader score`` use, so the two agree.
For each check, Hypothesis generates cases; for each case the reference runs first on a private copy,
then the learner's code on another copy; the two outcomes are judged here, on the trusted side. On a
failure Hypothesis shrinks the case, and the smallest failing case is kept for the feedback.
"""

from __future__ import annotations

import dataclasses
import importlib
import importlib.util
import warnings
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import hypothesis
from hypothesis import HealthCheck, Phase
from hypothesis.errors import HypothesisException, HypothesisWarning

from grader import recorded, sensitivity
from grader.cases import Case
from grader.catalog import Exercise
from grader.compare import Allowance, compare, is_value_mismatch
from grader.gate.verdict import EvidenceLog
from grader.generation import seed_alone
from grader.harness import MUTATED, NOT_IMPLEMENTED, RAISED, LearnerError, LearnerFault, Outcome
from grader.i18n import Msg, lines, say
from grader.loader import NOT_STARTED, Implementation, LoadError, load, reference_root
from grader.results import CheckResult, ExerciseResult, Failure, Status
from grader.settings import Settings
from grader.spec import Agrees, Check, Holds, Judgement, Races, Raises
from grader.stubs import is_not_started

FORBIDDEN_CHECK = "allowed_apis"
DEFAULT_SETTINGS = Settings()
HIDDEN_INPUT = say(
    "this is a hidden check (it runs in CI only): its input is not shown",
    "这是一个隐藏检查（只在 CI 中运行）：不显示它的输入",
)
EXPECTED_RAISE = say(
    "expected {error} for this input, but your code {outcome}",
    "对于这个输入应抛出 {error}，但你的代码{outcome}",
)
RETURNED_NORMALLY = say("returned normally", "正常返回了结果")
RAISED_OTHER = say("raised {error} instead", "抛出的是 {error}")
ALIASED = say(
    "your result shares memory with the input {names}; return a new tensor (a write into one would change the"
    " other)",
    "你的结果与输入 {names} 共享内存；请返回新的张量（否则修改其中一个会改变另一个）",
)
FAULT = say(
    "your code stopped the whole exercise ({status}): {detail}",
    "你的代码让整道练习无法继续（{status}）：{detail}",
)
SKIPPED_NO_PACKAGE = say(
    "skipped: this check needs the package {package}, which is not installed here",
    "已跳过：这项检查需要 {package} 包，但这台机器没有安装",
)
SKIPPED_NO_CUDA = say("skipped: no CUDA GPU on this machine", "已跳过：这台机器没有 CUDA GPU")


class GraderError(Exception):
    """The grader itself, or an exercise's spec/reference, is broken: never the learner's fault."""


HIDDEN_SPECS = "hidden"  # specs/hidden/<id>.py: CI-only checks, never in the learners' course


@cache
def load_checks(exercise: Exercise) -> tuple[Check, ...]:
    """The ``CHECKS`` of the exercise's spec, imported from its course (grader.course), then those of
    ``specs/hidden/<id>.py`` where the course has it (the instructor's copy only: ``grader release``
    leaves that folder out of the learners' course), each hidden."""
    from grader import course

    module = course.spec_module(exercise)
    checks = tuple(module.CHECKS)
    owner = course.of(exercise)
    if (owner.specs_dir / HIDDEN_SPECS / f"{exercise.id}.py").is_file():
        hidden = importlib.import_module(f"{owner.package}.specs.{HIDDEN_SPECS}.{exercise.id}")
        checks += tuple(dataclasses.replace(c, hidden=True) for c in hidden.CHECKS)
    names = [c.name for c in checks]
    if len(set(names)) != len(names) or FORBIDDEN_CHECK in names:
        raise GraderError(f"{module.__file__}: check names must be unique and not {FORBIDDEN_CHECK!r}")
    return checks


def check_names(exercise: Exercise, include_hidden: bool = False) -> list[str]:
    """Every check of an exercise as reports list them: the forbidden-API gate first (it runs last, once
    the behaviour checks have gathered the runtime evidence it weighs)."""
    names = [c.name for c in load_checks(exercise) if include_hidden or not c.hidden]
    return [FORBIDDEN_CHECK, *names] if exercise.forbidden else names


def run_exercise(
    exercise: Exercise,
    root: Path,
    settings: Settings = DEFAULT_SETTINGS,
    only: set[str] | None = None,
    sandbox: Any = None,
) -> ExerciseResult:
    """Grade one exercise of the tree at ``root`` (``only``: just these checks).

    With a ``sandbox`` (grader.sandbox.Sandbox) the learner's code runs in a limited child process;
    without one it runs here, in-process (so print and pdb work, as under ``pytest exercises/``).
    """
    if is_not_started(exercise, root):
        return ExerciseResult.ungraded(exercise, Status.NOT_STARTED, NOT_STARTED(path=str(exercise.relpath)))
    reference = load_reference(exercise)
    try:
        learner = sandbox.load(exercise, root) if sandbox is not None else load(exercise, root)
    except LoadError as e:
        return ExerciseResult.ungraded(exercise, Status.ERROR, e.problem)
    except LearnerFault as fault:
        return _faulted(exercise, fault)
    try:
        results = tuple(_run_checks(exercise, learner, reference, settings, only))
    except LearnerFault as fault:
        return _faulted(exercise, fault)
    finally:
        learner.close()
    return ExerciseResult.graded(exercise, results)


def _faulted(exercise: Exercise, fault: LearnerFault) -> ExerciseResult:
    """The learner's code took the exercise down (sandbox only): its own status, no points."""
    return ExerciseResult.ungraded(
        exercise, Status(fault.status), FAULT(status=fault.status, detail=fault.detail)
    )


@cache
def load_reference(exercise: Exercise) -> Implementation | recorded.Recording:
    """Loaded once per process: before any learner code runs, ``grader score`` loads them all. Untraced:
    the trusted side's expectations are no evidence of anything. A learners' course holds no withheld
    reference (``reference_shown`` not true) but its recorded results (grader.recorded)."""
    from grader import course

    root = reference_root(exercise)
    if not (root / exercise.relpath).is_file():
        file = recorded.path(course.of(exercise).root, exercise)
        if not file.is_file():
            raise GraderError(
                f"the reference for {exercise.id} is not in this installation ({root / exercise.relpath})"
                f" and nor are its recorded results ({file}); grade with the instructor's course"
            )
        try:
            return recorded.load(exercise, file)
        except recorded.RecordingError as e:
            raise GraderError(str(e)) from None
    try:
        return load(exercise, root, traced=False)
    except LoadError as e:
        raise GraderError(f"the reference for {exercise.id} does not load: {e}") from None


def _run_checks(
    exercise: Exercise,
    learner: Implementation,
    reference: Implementation,
    settings: Settings,
    only: set[str] | None,
) -> Iterator[CheckResult]:
    evidence = new_evidence_log(learner)
    for check in load_checks(exercise):
        if (only is None or check.name in only) and (settings.include_hidden or not check.hidden):
            yield run_check(check, learner, reference, settings, evidence)
    if exercise.forbidden and (only is None or FORBIDDEN_CHECK in only):
        # last: the behaviour checks' calls are the runtime evidence the gate weighs
        yield forbidden_check(learner, reference, settings, evidence)


def new_evidence_log(learner: Any) -> EvidenceLog:
    """Where an exercise's runtime evidence gathers. A learner handle that carries evidence with every
    Outcome says so with ``traced = True`` (loader.Implementation of a traced load; the sandbox's learner
    once its wire carries ``Outcome.evidence``); then a call without valid evidence breaks the gate."""
    return EvidenceLog(traced=bool(getattr(learner, "traced", False)))


def forbidden_check(
    learner: Implementation,
    reference: Implementation | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    evidence: EvidenceLog | None = None,
) -> CheckResult:
    """The gate: the learner's files (static analysis) and what their calls did (``evidence``). Checks
    whose calls are not in ``evidence`` yet run first, for their evidence only (their verdicts are not
    kept): a gate run on its own, or on a pytest-xdist worker that ran none of them, still sees the calls."""
    from grader.gate import isolation, verdict  # astroid: only for exercises with a forbidden list

    exercise = learner.exercise
    if Path(learner.root).resolve() == reference_root(exercise):
        # references are the library's own implementation, which learners may not call (design.md)
        return CheckResult(exercise.id, FORBIDDEN_CHECK, Status.PASSED, 0, 0, gate=True)
    evidence = evidence if evidence is not None else new_evidence_log(learner)
    if evidence.traced and reference is not None:
        for check in load_checks(exercise):
            if check.name not in evidence.checks and (settings.include_hidden or not check.hidden):
                run_check(check, learner, reference, settings, evidence)
    analysis = isolation.analyze(exercise, learner.root)
    problem = verdict.decide(analysis, evidence, exercise.relpath.as_posix())
    if problem is None:
        return CheckResult(exercise.id, FORBIDDEN_CHECK, Status.PASSED, 0, 0, gate=True)
    return CheckResult(exercise.id, FORBIDDEN_CHECK, Status.FAILED, 0, 0, Failure(problem), gate=True)


def run_check(
    check: Check,
    learner: Implementation,
    reference: Implementation,
    settings: Settings,
    evidence: EvidenceLog | None = None,
) -> CheckResult:
    """Run one check. ``evidence``: where the learner's calls' runtime evidence goes, for the gate."""
    exercise = learner.exercise
    missing = _missing(check.requires)
    if missing is not None:
        return CheckResult(exercise.id, check.name, Status.SKIPPED, 0, 0, Failure(missing))
    if isinstance(check, Races):
        return _raced(check, learner)
    if isinstance(reference, recorded.Recording) and isinstance(check, Agrees | Raises):
        return _replayed(check, learner, reference, evidence)

    timings: list[Mapping[str, Any]] = []

    if evidence is not None:
        evidence.checks.add(check.name)

    def evaluate(case: Case) -> Failure | None:
        # first, on a private copy; a Holds check judges the learner's result alone, so no reference runs
        expected = None if isinstance(check, Holds) else reference.observe(check, case.clone())
        got = learner.observe(check, case.clone())
        if evidence is not None:
            evidence.add(got.evidence)
        problem = judge(check, case, expected, got)
        if isinstance(check, Agrees) and is_value_mismatch(problem):
            # only now, on a failing value: how far the reference's own result moves on this input
            # under equally valid ways of computing it, built from the case alone (grader.sensitivity)
            rerun = lambda variant: reference.observe(check, variant.clone())  # noqa: E731
            allowance = sensitivity.spread(rerun, case, expected.value)
            if allowance is not None:
                problem = judge(check, case, expected, got, allowance)
        if isinstance(problem, Judgement):
            if problem.timing is not None:
                timings.append(problem.timing)
            if problem.skip is not None:
                return Failure(problem.skip, skip=True)
            problem = problem.problem
        if problem is None:
            return None
        where = got.error.where if got.error else ""
        if check.hidden:  # the input stays secret, so a learner cannot special-case it
            return Failure(lines([problem, HIDDEN_INPUT]), None, where)
        return Failure(problem, case.to_source(exercise.entry[0]), where)

    found = _search(check, evaluate, settings)
    timing = timings[-1] if timings else None
    if found is None:
        return CheckResult(exercise.id, check.name, Status.PASSED, check.points, check.points, timing=timing)
    if found.skip:
        return CheckResult(exercise.id, check.name, Status.SKIPPED, 0, 0, found, timing=timing)
    status = Status.NOT_STARTED if found.problem == NOT_IMPLEMENTED else Status.FAILED
    return CheckResult(exercise.id, check.name, status, 0, check.points, found, timing=timing)


def _replayed(
    check: Agrees | Raises,
    learner: Implementation,
    recording: recorded.Recording,
    evidence: EvidenceLog | None,
) -> CheckResult:
    """A check judged against recorded results (the reference is withheld): the learner runs on each
    recorded input, in order, and the first wrong outcome is the failure (shown as the input itself, as
    recorded: no shrinking). A check with no recording is checked in CI only: skipped, never passed."""
    exercise = learner.exercise
    expected = recording.checks.get(check.name)
    if not expected:
        return CheckResult(
            exercise.id, check.name, Status.SKIPPED, 0, 0, Failure(recorded.CI_ONLY, skip=True)
        )
    if evidence is not None:
        evidence.checks.add(check.name)
    for recorded_call in expected:
        case = recorded_call.case
        got = learner.observe(check, case.clone())
        if evidence is not None:
            evidence.add(got.evidence)
        problem = judge(check, case, recorded_call.outcome, got)
        if problem is not None:
            status = Status.NOT_STARTED if problem == NOT_IMPLEMENTED else Status.FAILED
            where = got.error.where if got.error else ""
            failure = Failure(problem, case.to_source(exercise.entry[0]), where)
            return CheckResult(exercise.id, check.name, status, 0, check.points, failure)
    return CheckResult(exercise.id, check.name, Status.PASSED, check.points, check.points)


def _raced(check: Races, learner: Implementation) -> CheckResult:
    """A timed check: the trusted side races the learner against the baseline (grader.racing)."""
    from grader.racing import run_race

    exercise = learner.exercise
    race = run_race(check, learner)
    if race.problem is None and race.skip is None:
        return CheckResult(
            exercise.id, check.name, Status.PASSED, check.points, check.points, timing=race.timing
        )
    shown = check.examples[0].to_source(exercise.entry[0]) if check.examples else None
    if race.skip is not None:
        skipped = Failure(race.skip, skip=True)
        return CheckResult(exercise.id, check.name, Status.SKIPPED, 0, 0, skipped, timing=race.timing)
    failure = Failure(race.problem, shown, race.learner_where)
    return CheckResult(exercise.id, check.name, Status.FAILED, 0, check.points, failure, timing=race.timing)


def judge(
    check: Check, case: Case, expected: Outcome | None, got: Outcome, allowance: Allowance | None = None
) -> Msg | Judgement | None:
    """What is wrong with the learner's outcome, or None (a Holds judge may say more: a Judgement).
    ``expected``: the reference's outcome (None for a Holds check, which never looks at it).

    ``allowance``: an Agrees check's extra allowed error, from the reference's own sensitivity on this
    case (grader.sensitivity). Runs on the trusted side only.
    """
    if isinstance(check, Raises):
        if expected.error is None:
            raise GraderError(f"check {check.name}: the reference did not raise {check.error.__name__}")
        error = check.error.__name__
        if got.error is None:
            return EXPECTED_RAISE(error=error, outcome=RETURNED_NORMALLY)
        if not _is_subclass_named(got.error, check.error):
            return EXPECTED_RAISE(error=error, outcome=RAISED_OTHER(error=got.error.summary()))
        return None
    if expected is not None and expected.error is not None:
        raise GraderError(f"check {check.name}: the reference raised {expected.error.summary()}")
    if got.not_implemented:
        return NOT_IMPLEMENTED
    if got.error is not None:
        return RAISED(error=got.error.summary())
    if got.mutated and not getattr(check, "may_modify_inputs", False):
        return MUTATED(names=", ".join(got.mutated))
    if isinstance(check, Holds):
        return check.judge(case, got.value, got.seconds) if check.clocked else check.judge(case, got.value)
    if isinstance(check, Agrees):
        problem = compare(expected.value, got.value, check.tol, allowance=allowance)
        if problem:
            return problem
        unexpected = [n for n in got.aliased if n not in expected.aliased]
        if check.fresh_output and unexpected:
            return ALIASED(names=", ".join(unexpected))
        return None
    raise GraderError(f"unknown check type {type(check).__name__}")


def _is_subclass_named(error: LearnerError, expected: type[BaseException]) -> bool:
    """The learner's exception is an ``expected``: by its class, or by an ancestor of its class (a
    learner's own ShapeError(ValueError), whose class the trusted side never sees)."""
    names = {cls.__name__ for cls in _subclasses(expected)}
    return error.type in names or expected.__name__ in error.bases


def _subclasses(cls: type) -> set[type]:
    found = {cls}
    for sub in cls.__subclasses__():
        found |= _subclasses(sub)
    return found


class _Falsified(Exception):
    pass


def _search(check: Check, evaluate: Any, settings: Settings) -> Failure | None:
    """Try the fixed examples, then let Hypothesis look for (and shrink) a failing case."""
    for case in check.examples:
        failure = evaluate(case)
        if failure is not None:
            return failure
    if check.cases is None:
        return None
    seed_alone()  # the inputs depend on the seed, not on which modules were imported (grader.generation)
    failures: list[Failure] = []

    @hypothesis.settings(
        max_examples=check.max_examples or settings.max_examples,
        database=None,
        deadline=None,
        derandomize=False,
        print_blob=False,
        report_multiple_bugs=False,
        suppress_health_check=list(HealthCheck),
        phases=(Phase.explicit, Phase.generate, Phase.shrink),
    )
    @hypothesis.seed(settings.seed)
    @hypothesis.given(check.cases)
    def search(case: Case) -> None:
        failure = evaluate(case)
        if failure is not None:
            failures.append(failure)
            raise _Falsified

    # Hypothesis reports to the spec's author, never to the learner: its printout is silenced, and so is
    # its warning that a recursive strategy's repr is large (to_device's, built for the failure report)
    with hypothesis.reporting.with_reporter(lambda *_: None), warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Generating overly large repr", HypothesisWarning)
        try:
            search()
        except _Falsified:
            pass
        except (HypothesisException, BaseExceptionGroup) as error:
            if not failures:
                # a learner's process that died while Hypothesis replayed a case fails differently on the
                # replay (Hypothesis then calls it flaky): the learner's fault, not the grader's
                fault = _first_learner_fault(error)
                if fault is None:
                    raise
                raise fault from None
    return failures[-1] if failures else None


def _first_learner_fault(error: BaseException) -> LearnerFault | None:
    if isinstance(error, LearnerFault):
        return error
    for inner in error.exceptions if isinstance(error, BaseExceptionGroup) else ():
        found = _first_learner_fault(inner)
        if found is not None:
            return found
    return None


def _missing(requirement: str | None) -> Msg | None:
    """Why a check cannot run on this machine (a GPU, or an optional package), or None when it can."""
    if requirement is None:
        return None
    if requirement == "cuda":
        import torch

        return None if torch.cuda.is_available() else SKIPPED_NO_CUDA
    try:
        found = importlib.util.find_spec(requirement) is not None
    except (ImportError, ValueError):  # a module blocked with sys.modules[name] = None
        found = False
    return None if found else SKIPPED_NO_PACKAGE(package=requirement)
