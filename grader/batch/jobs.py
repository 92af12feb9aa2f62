"""One submission's grading as a job, and the two ways jobs run: a local pool, or a Dask cluster.

A :class:`Job` is plain data: the submission's files (read and checked by :mod:`grader.batch.intake`),
the course the operator chose and the settings. :func:`grade` runs in a worker process (a local one, or
a Dask worker on another machine): it writes the files into a fresh folder and grades them with
:func:`grader.score.grade_tree`, so each submission's code runs in the sandbox, exactly as under
``grader score``. What comes back is plain data, written to the gradebook by the one writer.

Workers hold no credentials and no gradebook: only the jobs they are given.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grader.batch.statuses import Intake

IN_FLIGHT_PER_WORKER = 2  # jobs handed out ahead: the batch's memory stays flat however many learners


@dataclass(frozen=True)
class Job:
    learner: str
    source: str
    files: dict[str, bytes]
    course: str | None  # the operator's --course (a name or a folder), None: $GRADER_COURSE or installed
    exercises: tuple[str, ...] | None
    profile: str
    seed: int
    max_examples: int
    lang: str = "en"
    allow_weak_isolation: bool = False
    level: str | None = None  # a weaker sandbox level than the machine's best (tests)


def grade(job: Job) -> dict[str, Any]:
    """Grade one submission, in this (worker) process; the result is plain data for the gradebook."""
    from grader.batch import patterns
    from grader.errors import ScoreError
    from grader.score import grade_tree
    from grader.settings import RunConfig, Settings

    started = time.perf_counter()
    if multiprocessing.current_process().daemon:  # its sandbox could not start a child per exercise
        raise RuntimeError(
            "Expected a worker process that may start processes, but this one is daemonic; start Dask"
            " workers with DASK_DISTRIBUTED__WORKER__DAEMON=False (docs/batch.md, 'A cluster')"
        )
    _use_course(job.course)
    folder = Path(tempfile.mkdtemp(prefix="grader-batch-"))
    try:
        root = folder / "submission"
        write_tree(root, job.files)
        settings = Settings(max_examples=job.max_examples, seed=job.seed, include_hidden=job.profile == "ci")
        try:
            report = grade_tree(
                root,
                job.exercises,
                RunConfig(settings, job.profile),
                job.lang,
                allow_weak_isolation=job.allow_weak_isolation,
                level=job.level,
            )
        except ScoreError as e:
            return not_graded(
                job.learner,
                job.source,
                Intake.GRADING_ERROR,
                _within(root)(str(e)),
                time.perf_counter() - started,
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    mine = _within(root)
    exercises = []
    for e in report.exercises:
        checks = [
            {
                "name": c.name,
                "status": str(c.status),
                "points": c.points,
                "max_points": c.max_points,
                "message": mine(c.message),
                "timing": dict(c.timing) if c.timing else None,
                "pattern": patterns.wrong_output(mine(c.message)) if c.message else None,
            }
            for c in e.checks
        ]
        exercises.append(
            {
                "id": e.id,
                "status": str(e.status),
                "score": e.score,
                "max_score": e.max_score,
                "message": mine(e.message),
                "duration_s": e.duration_s,
                "fingerprint": patterns.fingerprint(job.files.get(e.path)),
                "checks": checks,
            }
        )
    return {
        "learner": job.learner,
        "source": job.source,
        "status": str(Intake.OK),
        "message": "",
        "score": report.score,
        "max_score": report.max_score,
        "duration_s": round(time.perf_counter() - started, 3),
        "exercises": exercises,
        "sandbox": report.sandbox.get("level"),
    }


# the private copy the sandbox loads an exercise from (grader.sandbox.learner: mkdtemp, then src/)
SANDBOX_COPY = re.compile(r"(?:/[^\s'\"]*)?/grader-[A-Za-z0-9_.-]+?-[a-z0-9_]{8}/src/")


def _within(root: Path):
    """Messages name the learner's files as in their repository, not the worker's scratch folder nor the
    sandbox's copy (which differ from run to run, and from worker to worker): the same submission
    gets the same messages, whichever worker graded it, before or after a resume."""
    prefix = str(root) + os.sep

    def relative(text: str) -> str:
        return SANDBOX_COPY.sub("", text.replace(prefix, "").replace(str(root), "."))

    return relative


def not_graded(learner: str, source: str, status: Intake, message: str, duration_s: float = 0.0) -> dict:
    return {
        "learner": learner,
        "source": source,
        "status": str(status),
        "message": message,
        "score": 0.0,
        "max_score": 0.0,
        "duration_s": round(duration_s, 3),
        "exercises": [],
    }


_course_in_use: list[str | None] = []


def _use_course(option: str | None) -> None:
    """This worker's course: the one the operator chose, found the way ``grader score`` finds it."""
    from grader import course

    if _course_in_use != [option]:
        found = course.for_grading(option)
        found.exercises  # noqa: B018 (a broken catalog fails here, before any learner code)
        course.use(found)
        _course_in_use[:] = [option]


def write_tree(root: Path, files: dict[str, bytes]) -> None:
    """Write a submission's files (names checked by intake.safe_name) under ``root``, following no link."""
    root.mkdir(parents=True)
    for name, data in files.items():
        path = root.joinpath(*name.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
    os.chmod(root.parent, 0o755)  # mkdtemp's 0700: the sandbox's learner user must read the tree
    for folder, dirs, _ in os.walk(root):
        for name in dirs:
            os.chmod(os.path.join(folder, name), 0o755)


# -- runners -----------------------------------------------------------------------------------------


class LocalRunner:
    """``--workers N`` processes on this machine, each grading one submission at a time."""

    def __init__(self, workers: int):
        self.workers = max(1, workers)

    def run(self, jobs: Iterable[Job]) -> Iterator[dict[str, Any]]:
        context = multiprocessing.get_context("spawn")  # forkserver is the sandbox's own
        with ProcessPoolExecutor(self.workers, mp_context=context) as pool:
            yield from _bounded(lambda job: pool.submit(grade, job), jobs, self.workers)


class DaskRunner:
    """``--scheduler tcp://host:8786``: jobs go to an existing Dask distributed cluster."""

    def __init__(self, scheduler: Any):
        self.scheduler = scheduler  # an address, or a LocalCluster (tests)

    def run(self, jobs: Iterable[Job]) -> Iterator[dict[str, Any]]:
        from distributed import Client

        with Client(self.scheduler) as client:
            workers = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))
            submit = lambda job: client.submit(grade, job, pure=False)  # noqa: E731
            yield from _bounded(submit, jobs, workers)


def _bounded(submit, jobs: Iterable[Job], workers: int) -> Iterator[dict[str, Any]]:
    """Submit jobs as earlier ones finish, at most IN_FLIGHT_PER_WORKER per worker ahead. A job whose
    worker failed (a grader bug, a worker lost) is that learner's grading_error; the batch goes on."""
    pending: dict[Any, Job] = {}
    queue = iter(jobs)
    exhausted = False
    while True:
        while not exhausted and len(pending) < workers * IN_FLIGHT_PER_WORKER:
            job = next(queue, None)
            if job is None:
                exhausted = True
            else:
                pending[submit(job)] = job
        if not pending:
            return
        done, _ = _wait(set(pending))
        for future in done:
            job = pending.pop(future)
            try:
                yield future.result()
            except Exception as e:
                message = (
                    f"the grader failed on this submission ({type(e).__name__}: {str(e)[:300]}); report it"
                )
                yield not_graded(job.learner, job.source, Intake.GRADING_ERROR, message)


def _wait(pending: set[Any]) -> tuple[set[Any], set[Any]]:
    if all(isinstance(f, Future) for f in pending):
        done, rest = wait(pending, return_when=FIRST_COMPLETED)
        return set(done), set(rest)
    from distributed import wait as dask_wait

    done, rest = dask_wait(list(pending), return_when="FIRST_COMPLETED")
    return set(done), set(rest)
