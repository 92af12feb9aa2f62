"""Grade a tree's exercises in several processes at once (``grader score --jobs N``).

Grading one exercise keeps about one core busy (the trusted side draws and judges while the learner's
child waits, then the other way round), so a machine with cores to spare grades exercises side by side:
the grading process itself and N - 1 helpers. Each helper is a fresh process (spawned, never forked from
a parent that holds threads and a fork server) with a sandbox of its own, set up exactly as a one-process
``grader score`` sets up its own: it loads the same course, specs and references, says it is ready, and
grades the exercises it is sent, one at a time. No exercise is handed out before every helper is ready and
the parent has taken its snapshot of the grader's files (grader.integrity): nothing is imported after
learner code has run anywhere.

An exercise with a timed check (a race, or a judge that reads the clock) is graded last, by the parent,
alone, while the helpers wait: a neighbour's work would slow what it measures.

What comes back is the trusted helpers' plain data (ExerciseReport), in course order whatever the order
they finished in.
"""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any

from grader.catalog import Exercise
from grader.errors import ScoreError
from grader.settings import RunConfig

ENV_JOBS = "GRADER_JOBS"
MAX_AUTO_JOBS = 4  # more workers than this mostly add memory (each holds torch and a sandbox)
READY_SECONDS = 300.0  # for a helper to load torch, the course and its sandbox
IN_FLIGHT = 2  # exercises sent to a helper ahead: it starts the next as soon as it sends a report


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


class Helpers:
    """The helper processes, started at once so that their set-up overlaps the parent's own."""

    def __init__(self, setup: Setup, count: int, work: str) -> None:
        """``work``: "module:function", called as function(setup, connection) for a helper's whole life."""
        context = multiprocessing.get_context("spawn")
        self.processes: list[Any] = []
        self.connections: list[Any] = []
        for i in range(count):
            mine, theirs = context.Pipe()
            process = context.Process(target=_start, args=(setup, theirs, work), name=f"grader-helper-{i}")
            process.start()
            theirs.close()
            self.processes.append(process)
            self.connections.append(mine)
        self.levels: list[str] = []  # each helper's sandbox level, as it described it when ready

    def wait_until_ready(self) -> None:
        """Every helper has loaded everything and set up its sandbox (ScoreError if one could not)."""
        deadline = time.monotonic() + READY_SECONDS
        for connection in self.connections:
            while not connection.poll(1.0):
                self._check_alive()
                if time.monotonic() > deadline:
                    raise ScoreError(f"the grading helpers were not ready within {READY_SECONDS:.0f} s")
            message = self._receive(connection)
            if message[0] != "ready":
                raise ScoreError(f"a grading helper said {message[0]!r} before it was ready")
            self.levels.append(message[1]["level"])

    def close(self) -> None:
        for connection in self.connections:
            with contextlib.suppress(OSError):  # a helper that is gone already
                connection.send(None)
        for process in self.processes:
            process.join(10)
            if process.is_alive():
                process.kill()
                process.join()

    def _receive(self, connection: Any) -> tuple:
        try:
            message = connection.recv()
        except (EOFError, OSError):  # its end closed: it is exiting, so wait a moment for its status
            for process in self.processes:
                process.join(1.0)
            self._check_alive()
            raise ScoreError(_STOPPED.format(status="unknown")) from None
        if message[0] == "error":
            raise ScoreError(message[1])
        return message

    def _check_alive(self) -> None:
        """A helper never dies of a learner's code (that ends in its sandbox): one that did is the
        grader's failure, and no partial score is written."""
        for process in self.processes:
            if not process.is_alive():
                raise ScoreError(_STOPPED.format(status=process.exitcode))


_STOPPED = (
    "a grading helper stopped (exit status {status}) before its work was done, so no score can be trusted;"
    " this is not your fault: report it (meanwhile, grade with --jobs 1)"
)


def share(
    helpers: Helpers,
    exercises: Sequence[Exercise],
    grade_here: Callable[[Exercise, Exercise | None], Any],
    on_exercise: Callable[[Any], None] | None = None,
) -> list[Any]:
    """Grade ``exercises`` here and in the helpers (ready: Helpers.wait_until_ready); the reports in course
    order, each passed to ``on_exercise`` as soon as all before it are in. The untimed ones first, shared
    out as helpers take them; then the timed ones here, alone. ``grade_here(exercise, following)`` grades
    one here; ``following`` is the one it grades next, if known (its sandbox may set that one up now)."""
    by_id = {e.id: e for e in exercises}
    order = [e.id for e in exercises]
    timed = [e.id for e in exercises if is_timed(e)]
    waiting = deque(i for i in order if i not in timed)
    sent: dict[Any, list[str]] = {connection: [] for connection in helpers.connections}
    done: dict[str, Any] = {}
    shown = 0

    def record(exercise_id: str, report: Any) -> None:
        nonlocal shown
        done[exercise_id] = report
        while shown < len(order) and order[shown] in done:
            if on_exercise is not None:
                on_exercise(done[order[shown]])
            shown += 1

    def collect(timeout: float | None) -> None:
        ready = wait([*sent, *(p.sentinel for p in helpers.processes)], timeout)
        for connection in (c for c in ready if c in sent):
            _, exercise_id, report = helpers._receive(connection)
            sent[connection].remove(exercise_id)
            record(exercise_id, report)
        helpers._check_alive()

    mine: deque[str] = deque()  # what this process grades next
    while waiting or mine or any(sent.values()):
        for connection, ids in sent.items():
            while waiting and len(ids) < IN_FLIGHT:
                ids.append(waiting.popleft())
                try:
                    connection.send(ids[-1])
                except OSError:
                    helpers._check_alive()
                    raise ScoreError(_STOPPED.format(status="unknown")) from None
        if mine or waiting:
            exercise_id = mine.popleft() if mine else waiting.popleft()
            if waiting:
                mine.append(waiting.popleft())  # this process's next: its child starts while it grades
            record(exercise_id, grade_here(by_id[exercise_id], by_id[mine[0]] if mine else None))
            collect(0)
        else:
            collect(1.0)
    for position, exercise_id in enumerate(timed):
        following = by_id[timed[position + 1]] if position + 1 < len(timed) else None
        record(exercise_id, grade_here(by_id[exercise_id], following))
    return [done[i] for i in order]


def _start(setup: Setup, connection: Any, work: str) -> None:
    """A new helper: its sandbox's fork server starts before anything imports torch (grader.sandbox.prepare:
    it is forked from this process, which must not hold torch's threads yet), then ``work`` runs."""
    from grader import sandbox

    sandbox.prepare()
    module, function = work.split(":")
    getattr(importlib.import_module(module), function)(setup, connection)


def tell(connection: Any, problem: str) -> None:
    """A helper's last word: what stopped it (the parent raises it as a ScoreError)."""
    with contextlib.suppress(OSError):  # the parent stopped listening (it failed first): nothing to tell
        connection.send(("error", problem))
