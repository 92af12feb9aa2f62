"""Mutation analysis, the run: grade each mutant of a reference (:mod:`grader.authoring.mutants`) with
the exercise's checks, as if a learner had written it, and report the rate killed and the survivors.

A mutant the checks fail is *killed*; one they pass *survives* and points at a place where the checks are
weak (or at an equivalent mutant, which the catalog entry lists in ``equivalent_mutants``). Mutants are
graded in-process against a temporary tree, in a pool of worker processes, each with a time limit.

Only behaviour checks count: the forbidden-API gate is left out on purpose. References are the
library's own implementation of what the exercise forbids, so every mutant of such a reference would
"fail" the gate and look killed while the checks that matter never ran.
"""

from __future__ import annotations

import dataclasses
import os
import signal
import sys
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from grader.authoring.mutants import KINDS, PLAIN, Mutant, mutate
from grader.authoring.shape_mutants import Argument, shape_arguments
from grader.catalog import Exercise

DEFAULT_MAX_EXAMPLES = 15  # per check and mutant: a bug the checks catch shows up in the first few cases
DEFAULT_TIMEOUT_S = 30.0  # a mutant that runs longer (say, a loop that never ends) counts as killed
TARGET = 0.95


@dataclass(frozen=True)
class Verdict:
    mutant: Mutant
    killed: bool
    by: str  # the check that killed it, "load" (does not import), "timeout", "grader-error: ...", or ""


@dataclass(frozen=True)
class MutationReport:
    exercise: Exercise
    verdicts: tuple[Verdict, ...]
    equivalent: tuple[Mutant, ...]  # marked in the catalog; left out of the rate
    stale_marks: tuple[str, ...]  # marked ids that match no mutant any more
    error: str = ""  # the analysis could not run (reference does not parse, ...)

    @property
    def killed(self) -> int:
        return sum(v.killed for v in self.verdicts)

    @property
    def total(self) -> int:
        return len(self.verdicts)

    @property
    def rate(self) -> float:
        return self.killed / self.total if self.total else 1.0

    @property
    def survivors(self) -> list[Mutant]:
        return [v.mutant for v in self.verdicts if not v.killed]

    def by_kind(self) -> dict[str, tuple[int, int]]:
        """(killed, total) per kind of mutant that the reference has (see KINDS), in KINDS order."""
        counts = {kind: [0, 0] for kind in KINDS}
        for v in self.verdicts:
            counts[v.mutant.kind][0] += v.killed
            counts[v.mutant.kind][1] += 1
        return {kind: (k, n) for kind, (k, n) in counts.items() if n}


class _Timeout(BaseException):
    """Raised by the alarm; a BaseException so that neither the harness nor Hypothesis swallows it."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise _Timeout


def _init_worker() -> None:
    import warnings

    import torch

    warnings.simplefilter("ignore")  # mutants trip library warnings by the dozen; the verdict is what counts
    sys.dont_write_bytecode = True  # same-size mutants written within a second must not share a .pyc
    torch.set_num_threads(1)  # the pool is the parallelism


def evaluate_mutants(
    exercise: Exercise,
    mutants: Sequence[Mutant],
    max_examples: int = DEFAULT_MAX_EXAMPLES,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    seed: int = 0,
) -> list[Verdict]:
    """Grade each mutant with the exercise's behaviour checks, stopping at the first check it fails.

    Runs here, in this process (the pool calls it in its workers). Each mutant lives in a temporary
    tree of its own at the exercise's path, loaded like a learner's file.
    """
    from grader.runner import Settings, load_checks, load_reference

    settings = Settings(max_examples=max_examples, seed=seed, include_hidden=True)
    checks = [_budgeted(c, max_examples) for c in load_checks(exercise)]
    reference = load_reference(exercise)
    verdicts = []
    use_alarm = hasattr(signal, "SIGALRM") and _main_thread()
    with tempfile.TemporaryDirectory(prefix=f"mutants_{exercise.id}_") as tmp:
        for i, mutant in enumerate(mutants):
            root = Path(tmp) / f"m{i}"
            path = root / exercise.relpath
            path.parent.mkdir(parents=True)
            path.write_text(mutant.source, encoding="utf-8")
            previous = signal.signal(signal.SIGALRM, _on_alarm) if use_alarm else None
            if use_alarm:
                signal.setitimer(signal.ITIMER_REAL, timeout_s)
            try:
                by = _first_failing(exercise, root, checks, reference, settings)
            except _Timeout:
                by = "timeout"
            finally:
                if use_alarm:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                    signal.signal(signal.SIGALRM, previous)
            verdicts.append(Verdict(mutant, bool(by), by))
            _forget_modules(root)
    return verdicts


def _first_failing(exercise: Exercise, root: Path, checks: list[Any], reference: Any, settings: Any) -> str:
    """The first check the mutant fails ("load" when it does not import), or "" when it passes them all."""
    from grader.loader import LoadError, load
    from grader.runner import run_check

    try:
        learner = load(exercise, root)
    except LoadError:
        return "load"
    try:
        for check in checks:
            result = run_check(check, learner, reference, settings)
            if not result.status.ok:
                return check.name
        return ""
    except _Timeout:
        raise
    except Exception as e:  # the grader could not judge this mutant: a learner would not pass either
        return f"grader-error: {type(e).__name__}"
    finally:
        close = getattr(learner, "close", None)
        if close is not None:
            close()


def _budgeted(check: Any, max_examples: int) -> Any:
    budget = min(check.max_examples or max_examples, max_examples)
    return dataclasses.replace(check, max_examples=budget)


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _forget_modules(root: Path) -> None:
    import hashlib

    digest = hashlib.sha1(str(root.resolve()).encode()).hexdigest()[:10]
    for name in [n for n in sys.modules if n.startswith(f"_graded_{digest}_")]:
        del sys.modules[name]


def _job(args: tuple[Exercise, list[Mutant], int, float]) -> list[Verdict]:
    exercise, mutants, max_examples, timeout_s = args
    return evaluate_mutants(exercise, mutants, max_examples, timeout_s)


def exercise_arguments(exercise: Exercise) -> tuple[Argument, ...]:
    """The exercise's sized arguments, as its spec's fixed examples pass them (for the shape mutants)."""
    from grader.runner import load_checks

    return shape_arguments(load_checks(exercise))


def reference_source(exercise: Exercise) -> str:
    from grader.loader import exercise_path, reference_root

    return exercise_path(exercise, reference_root(exercise)).read_text(encoding="utf-8")


def analyse(
    exercises: Sequence[Exercise],
    jobs: int | None = None,
    max_examples: int = DEFAULT_MAX_EXAMPLES,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    chunk: int = 12,
    on_report: Callable[[MutationReport], None] | None = None,
) -> list[MutationReport]:
    """Mutate each exercise's reference and grade every mutant; one report per exercise, in order.

    Mutants are graded in ``jobs`` worker processes (default: the CPU count), in chunks of ``chunk``
    so that a slow exercise is spread over the pool.
    """
    plans: dict[str, tuple[list[Mutant], tuple[Mutant, ...], tuple[str, ...], str]] = {}
    tasks: list[tuple[Exercise, list[Mutant], int, float]] = []
    for exercise in exercises:
        try:
            source = reference_source(exercise)
            mutants = mutate(source, exercise_arguments(exercise))
        except (OSError, SyntaxError) as e:
            plans[exercise.id] = ([], (), (), f"cannot read the reference: {e}")
            continue
        except Exception as e:  # the spec does not load: grader check says why
            plans[exercise.id] = ([], (), (), f"cannot load the spec: {type(e).__name__}: {e}")
            continue
        marked = set(exercise.equivalent_mutants)
        counted = [m for m in mutants if m.id not in marked]
        equivalent = tuple(m for m in mutants if m.id in marked)
        stale = tuple(sorted(marked - {m.id for m in mutants}))
        plans[exercise.id] = (counted, equivalent, stale, "")
        for start in range(0, len(counted), chunk):
            tasks.append((exercise, counted[start : start + chunk], max_examples, timeout_s))
    jobs = max(1, jobs or os.cpu_count() or 1)
    results: dict[str, list[Verdict]] = {e.id: [] for e in exercises}
    pending = {e.id: sum(1 for t in tasks if t[0].id == e.id) for e in exercises}
    reports: dict[str, MutationReport] = {}

    def finish(exercise: Exercise) -> None:
        counted, equivalent, stale, error = plans[exercise.id]
        order = {m.id: i for i, m in enumerate(counted)}
        verdicts = tuple(sorted(results[exercise.id], key=lambda v: order[v.mutant.id]))
        reports[exercise.id] = MutationReport(exercise, verdicts, equivalent, stale, error)
        if on_report:
            on_report(reports[exercise.id])

    for exercise in exercises:
        if pending[exercise.id] == 0:
            finish(exercise)
    if tasks:
        with ProcessPoolExecutor(jobs, mp_context=get_context("spawn"), initializer=_init_worker) as pool:
            for task, verdicts in zip(tasks, pool.map(_job, tasks), strict=True):
                exercise = task[0]
                results[exercise.id].extend(verdicts)
                pending[exercise.id] -= 1
                if pending[exercise.id] == 0:
                    finish(exercise)
    return [reports[e.id] for e in exercises]


def format_report(report: MutationReport, target: float = TARGET) -> str:
    """One line per exercise, then its survivors (where the checks are weak), each with its id."""
    e = report.exercise
    if report.error:
        return f"  {e.id:<26} ERROR {report.error}"
    flag = "ok  " if report.rate >= target else "WEAK"
    if not report.total and not report.equivalent:
        return f"  {flag} {e.id:<26} no mutants: the reference has nothing to mutate (one library call)"
    extra = f", {len(report.equivalent)} marked equivalent" if report.equivalent else ""
    kinds = "".join(f"  {kind} {k}/{n}" for kind, (k, n) in report.by_kind().items() if kind != PLAIN)
    counts = f"{report.killed:>3}/{report.total:<3} killed ({report.rate:6.1%})"
    out = [f"  {flag} {e.id:<26} {counts}{extra}{kinds}"]
    for v in report.verdicts:
        if not v.killed:
            m = v.mutant
            out.append(f"         survived {m.id:<28} line {m.line}: {m.original}  ->  {m.mutated}")
    for mark in report.stale_marks:
        out.append(
            f"         equivalent_mutants lists {mark!r}, which matches no mutant of the reference any more:"
            " remove it from the catalog entry"
        )
    return "\n".join(out)
