"""Grade a tree's exercises in several worker processes at once (``grader score --jobs N``).

Grading one exercise keeps about one core busy (the trusted side draws and judges while the learner's
child waits, then the other way round), so a machine with cores to spare grades exercises side by side.
Each worker is a fresh process (spawned, never forked from a parent that holds threads and a fork server)
with a sandbox of its own, exactly as a one-process ``grader score`` has; it loads the same course, specs
and references, says it is ready, and takes exercises one at a time from a queue. No exercise is handed
out before every worker is ready and the parent has taken its snapshot of the grader's files
(grader.integrity): nothing is imported after learner code has run anywhere.

An exercise with a timed check (a race, or a judge that reads the clock) is graded last, alone, while the
other workers wait: a neighbour's work would slow what it measures.

What comes back is the trusted workers' plain data (ExerciseReport), in course order whatever the order
they finished in.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grader.catalog import Exercise
from grader.errors import ScoreError
from grader.settings import RunConfig

ENV_JOBS = "GRADER_JOBS"
MAX_AUTO_JOBS = 4  # more workers than this mostly add memory (each holds torch and a sandbox)
READY_SECONDS = 300.0  # for a worker to load torch, the course and its sandbox
POLL_SECONDS = 1.0  # how often the parent checks that every worker is still alive


def default_jobs(env: dict[str, str] | None = None) -> int:
    """$GRADER_JOBS, else one worker per usable core (at most four): grading one exercise keeps one core
    busy. A bad value is a ScoreError that says what is expected."""
    value = (os.environ if env is None else env).get(ENV_JOBS, "").strip()
    if not value or value == "auto":
        return max(1, min(MAX_AUTO_JOBS, len(os.sched_getaffinity(0))))
    if not value.isdigit() or int(value) < 1:
        raise ScoreError(
            f"Expected ${ENV_JOBS} to be a whole number of workers (1 or more) or 'auto' but got {value!r}"
        )
    return int(value)


@dataclass(frozen=True)
class Setup:
    """What a worker needs to grade as the parent would: all plain data, sent once when it starts."""

    course: Any  # grader.course.Course: the one the operator chose, as the parent found it
    root: Path
    config: RunConfig
    lang: str
    level: str | None
    allow_weak_isolation: bool


def is_timed(exercise: Exercise) -> bool:
    """Whether any check of the exercise measures time (it is then graded alone)."""
    from grader.runner import load_checks
    from grader.spec import Holds, Races

    return any(isinstance(c, Races) or (isinstance(c, Holds) and c.clocked) for c in load_checks(exercise))


def grade(
    setup: Setup,
    exercises: Sequence[Exercise],
    jobs: int,
    before_grading: Callable[[], None],
    on_exercise: Callable[[Any], None] | None = None,
) -> tuple[list[Any], dict[str, Any]]:
    """Grade ``exercises`` with ``jobs`` workers; their reports in course order, and the sandbox's
    description (the first worker's: every worker runs at the same level on the same machine).

    ``before_grading`` runs in this process once the workers are started and before any exercise is
    handed out (the parent's snapshot of the grader's files).
    """
    context = multiprocessing.get_context("spawn")
    tasks, results = context.Queue(), context.Queue()
    workers = [
        context.Process(target=_work, args=(setup, tasks, results), name=f"grader-worker-{i}")
        for i in range(min(jobs, len(exercises)))
    ]
    for worker in workers:
        worker.start()
    try:
        before_grading()
        described = _wait_until_ready(workers, results)
        reports = _hand_out(workers, tasks, results, exercises, on_exercise)
    finally:
        for _ in workers:
            tasks.put(None)
        for worker in workers:
            worker.join(10)
            if worker.is_alive():
                worker.kill()
                worker.join()
    return reports, described


def _wait_until_ready(workers: list[Any], results: Any) -> dict[str, Any]:
    described: dict[str, Any] = {}
    ready = 0
    deadline = time.monotonic() + READY_SECONDS
    while ready < len(workers):
        message = _next(workers, results, deadline)
        if message[0] == "error":
            raise ScoreError(message[1])
        if message[0] == "ready":
            ready += 1
            described = described or message[1]
    return described


def _hand_out(
    workers: list[Any],
    tasks: Any,
    results: Any,
    exercises: Sequence[Exercise],
    on_exercise: Callable[[Any], None] | None,
) -> list[Any]:
    """Every untimed exercise at once (workers take the next as they finish), then each timed one
    alone; reports passed to ``on_exercise`` in course order as soon as all before them are in."""
    order = [e.id for e in exercises]
    timed = [e.id for e in exercises if is_timed(e)]
    done: dict[str, Any] = {}
    shown = 0

    def collect(count: int) -> None:
        nonlocal shown
        while count:
            message = _next(workers, results, None)
            if message[0] == "error":
                raise ScoreError(message[1])
            if message[0] == "graded":
                done[message[1]] = message[2]
                count -= 1
                while shown < len(order) and order[shown] in done:
                    if on_exercise is not None:
                        on_exercise(done[order[shown]])
                    shown += 1

    untimed = [i for i in order if i not in timed]
    for exercise_id in untimed:
        tasks.put(exercise_id)
    collect(len(untimed))
    for exercise_id in timed:
        tasks.put(exercise_id)
        collect(1)
    return [done[i] for i in order]


def _next(workers: list[Any], results: Any, deadline: float | None) -> tuple:
    """The next message from a worker. A worker that died (it never dies of a learner's code: that ends
    in its sandbox) is the grader's failure: ScoreError, so that no partial score is written."""
    while True:
        try:
            return results.get(timeout=POLL_SECONDS)
        except queue.Empty:
            dead = [w for w in workers if not w.is_alive()]
            if dead:
                raise ScoreError(
                    f"a grading worker stopped (exit status {dead[0].exitcode}) before its work was done,"
                    " so no score can be trusted; this is not your fault: report it (meanwhile, grade with"
                    " --jobs 1)"
                ) from None
            if deadline is not None and time.monotonic() > deadline:
                raise ScoreError(f"the grading workers were not ready within {READY_SECONDS:.0f} s") from None


def _work(setup: Setup, tasks: Any, results: Any) -> None:
    """A worker: set up as a one-process ``grader score`` would, then grade what the parent hands out."""
    try:
        from grader import sandbox as sandboxes

        sandboxes.prepare()  # before torch, as grader.cli does
        from grader import course, score
        from grader.warmup import warm_up

        course.use(setup.course)
        with score.open_sandbox(setup.level, setup.allow_weak_isolation) as sandbox:
            sandbox.spin_seconds = 0.0  # the cores are shared by the workers: none may poll one away
            score.load_grader_files(course.active().exercises)
            warm_up()
            score.freeze_what_is_loaded()
            results.put(("ready", score.describe(sandbox)))
            while (exercise_id := tasks.get()) is not None:
                exercise = course.active().get(exercise_id)
                report = score.grade_one(exercise, setup.root, setup.config, setup.lang, sandbox)
                results.put(("graded", exercise_id, report))
    except ScoreError as e:
        results.put(("error", str(e)))
    except BaseException as e:  # a grader bug: the parent reports it, and writes no score
        results.put(
            ("error", f"a grading worker failed ({type(e).__name__}: {e}); this is not your fault: report it")
        )
