"""``grader batch``: read a class's submissions, grade each in the sandbox, write one gradebook.

The course is the operator's (:func:`grader.course.for_grading`, set by the CLI before this runs), never
a submission's. The trusted process reads and checks every submission (:mod:`grader.batch.intake`),
hands the good ones to workers as jobs (:mod:`grader.batch.jobs`) and is the gradebook's one writer.

A run is identified by a key (the folder, course, grader digest, settings, seed, exercises, regrade):
rerun the same command after a crash or a ``kill -9`` and it resumes that run, grading only the learners
it has no result for, so the gradebook ends as an uninterrupted run's would. ``--regrade`` starts a new
run for the learners or exercises named, and keeps the earlier results as history.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from grader import course
from grader.batch import intake
from grader.batch.gradebook import Gradebook
from grader.batch.jobs import DaskRunner, Job, LocalRunner, not_graded
from grader.batch.statuses import Intake
from grader.errors import ScoreError
from grader.i18n import say
from grader.settings import RunConfig

DUPLICATE = say(
    "{n} entries claim this learner: {sources}; keep one and rerun",
    "有 {n} 个条目属于这位学生：{sources}；请只保留一个后重新运行",
)


@dataclass
class Options:
    folder: Path
    db: Path
    config: RunConfig
    course_option: str | None = None
    exercises: tuple[str, ...] | None = None
    regrade: tuple[str, ...] = ()
    workers: int = 1
    scheduler: Any = None  # an address (tcp://host:8786) or a dask LocalCluster
    lang: str = "en"
    allow_weak_isolation: bool = False
    level: str | None = None


@dataclass
class Summary:
    run: int
    resumed: bool
    total: int
    graded: int = 0
    skipped: int = 0  # already in the gradebook (a resumed run)
    statuses: Counter = field(default_factory=Counter)


def run_batch(options: Options, out: TextIO = sys.stderr) -> Summary:
    from grader.score import grader_digest, grader_version, select_exercises

    selection = select_exercises(options.exercises)
    entries = _entries(options.folder)
    exercise_ids, learners = _regrade(options.regrade, selection, entries)
    if exercise_ids is not None:
        selection = tuple(e for e in selection if e.id in exercise_ids)
    ids = tuple(e.id for e in selection) if (options.exercises or exercise_ids) else None
    chosen = course.active()
    config = options.config
    record = {
        "source": str(options.folder.resolve()),
        "grader_version": grader_version(),
        "grader_digest": grader_digest(),
        "course_name": chosen.name,
        "course_version": chosen.version,
        "seed": config.public_seed,
        "settings": {
            "profile": config.profile,
            "max_examples": config.settings.max_examples,
            "exercises": list(ids) if ids else None,
            "regrade": list(options.regrade),
        },
        "regrade": bool(options.regrade),
    }
    key = _key(record, config)
    tree_files = [e.relpath.as_posix() for e in selection]
    with Gradebook(options.db) as book:
        run, resumed = book.open_run(key, record, resume_finished=not options.regrade)
        done = book.graded_learners(run)
        wanted = [(lid, p) for lid, p in entries if learners is None or lid in learners]
        summary = Summary(run.id, resumed, total=len({lid for lid, _ in wanted}))
        claims = Counter(lid for lid, _ in wanted)
        progress = Progress(summary, out)
        todo = [(lid, p) for lid, p in wanted if lid not in done]
        summary.skipped = summary.total - len({lid for lid, _ in todo})
        progress.show()

        def jobs() -> Iterator[Job]:
            written: set[str] = set()
            for learner, path in todo:
                if claims[learner] > 1:
                    if learner not in written:
                        sources = [p.name for lid, p in wanted if lid == learner]
                        message = DUPLICATE(n=len(sources), sources=sources).render(options.lang)
                        _write(book, run, not_graded(learner, path.name, Intake.DUPLICATE, message), progress)
                        written.add(learner)
                    continue
                submission = intake.read(learner, path, tree_files, options.lang)
                if not submission.ok:
                    result = not_graded(learner, submission.source, submission.status, submission.message)
                    _write(book, run, result, progress)
                    continue
                yield Job(
                    learner,
                    submission.source,
                    submission.files,
                    options.course_option,
                    ids,
                    config.profile,
                    config.settings.seed,
                    config.settings.max_examples,
                    options.lang,
                    options.allow_weak_isolation,
                    options.level,
                )

        runner = DaskRunner(options.scheduler) if options.scheduler else LocalRunner(options.workers)
        for result in runner.run(jobs()):
            _write(book, run, result, progress)
        book.finish(run)
        progress.end()
    return summary


def _write(book: Gradebook, run: Any, result: dict, progress: Progress) -> None:
    book.write(run, result)
    progress.summary.graded += 1
    progress.summary.statuses[result["status"]] += 1
    progress.failed += result["status"] != Intake.OK or any(
        e["status"] == "error" for e in result["exercises"]
    )
    progress.show()


def _entries(folder: Path) -> list[tuple[str, Path]]:
    try:
        return intake.scan(folder)
    except NotADirectoryError as e:
        raise ScoreError(str(e)) from None


def _regrade(
    names: Sequence[str], selection: Sequence[Any], entries: Sequence[tuple[str, Path]]
) -> tuple[set[str] | None, set[str] | None]:
    """--regrade's names, split into exercise ids and learner ids (each None when none was named)."""
    if not names:
        return None, None
    known_exercises = {e.id for e in selection}
    known_learners = {lid for lid, _ in entries}
    exercises, learners = set(), set()
    for name in names:
        if name in known_exercises:
            exercises.add(name)
        elif name in known_learners:
            learners.add(name)
        else:
            raise ScoreError(
                f"Expected --regrade to name an exercise id or a learner of this folder but got {name!r};"
                " `grader gradebook show` lists the learners, `grader list` the exercises"
            )
    return exercises or None, learners or None


def _key(record: dict, config: RunConfig) -> str:
    """What identifies a run for resuming. A secret seed enters only through a slow salted hash."""
    seed = str(config.settings.seed).encode()
    if config.seed_from_env:
        seed = hashlib.pbkdf2_hmac("sha256", seed, b"grader-batch-run-key", 200_000)
    described = {k: v for k, v in record.items() if k != "seed"}
    text = json.dumps(described, sort_keys=True).encode() + b"\0" + seed
    return "sha256:" + hashlib.sha256(text).hexdigest()


class Progress:
    """One line: done/total, failures, rate, time left; redrawn in place on a terminal."""

    def __init__(self, summary: Summary, out: TextIO):
        self.summary, self.out = summary, out
        self.failed = 0
        self.started = time.monotonic()
        self.tty = bool(getattr(out, "isatty", lambda: False)())

    def line(self) -> str:
        s = self.summary
        done = s.skipped + s.graded
        minutes = max(time.monotonic() - self.started, 1e-6) / 60
        rate = s.graded / minutes
        left = (s.total - done) / rate if rate else 0.0
        return (
            f"graded {done}/{s.total} · {self.failed} not graded or with errors · {rate:.1f}/min"
            f" · about {left:.1f} min left"
        )

    def show(self) -> None:
        if self.tty:
            print("\r" + self.line(), end="", file=self.out, flush=True)
        else:
            print(self.line(), file=self.out, flush=True)

    def end(self) -> None:
        if self.tty:
            print(file=self.out)
