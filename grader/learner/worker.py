"""Grade one exercise in a worker process, so that learner code which loops forever, exits or crashes
ends that verdict with a message and nothing else.

Workers are forked from a fork server that imported torch, the grader and every spec once
(:mod:`grader.learner.preload`): a verdict then costs the grading itself, not the imports. Each grading
gets a fresh worker (the learner's file is imported afresh, as it was just saved); whatever the code
prints is kept and shown with the verdict. This is the learner's own machine: the worker is for
robustness, not security (``grader score`` is the sandbox).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from grader import course, fork_server
from grader.learner import texts
from grader.learner.state import Verdict, digest

PRELOAD = ["grader.learner.preload"]
DEFAULT_TIMEOUT = 120.0  # seconds for one exercise (the digits classifier trains in about 20)
OUTPUT_LINES = 8  # lines of the learner's prints shown with a verdict (the last ones)


def context() -> Any:
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    return ctx


OWNER = "watch"  # the fork server is this loop's own (grader.fork_server): never the sandbox's


def start() -> None:
    """Start the fork server now, while the caller draws its first screen."""
    from multiprocessing import forkserver

    context()
    fork_server.claim(OWNER)
    forkserver.ensure_running()
    fork_server.started(OWNER)


class Grading:
    """One exercise being graded in its own worker; :meth:`result` waits for it, :meth:`cancel` ends it."""

    def __init__(self, exercise_id: str, root: Path, max_examples: int, seed: int, lang: str, timeout: float):
        self.exercise_id, self.timeout, self.lang, self.started = exercise_id, timeout, lang, time.monotonic()
        self.file_digest = ""
        self.output = Path(tempfile.mkstemp(prefix="grader-watch-", suffix=".txt")[1])
        ctx = context()
        start()
        self.conn, child = ctx.Pipe(duplex=False)
        args = (child, exercise_id, str(root), max_examples, seed, lang, str(self.output))
        self.process = ctx.Process(target=_grade, args=args, daemon=True)
        self.process.start()
        child.close()

    def result(self) -> Verdict:
        """The verdict: the worker's own, or what became of it (timeout, exit, crash)."""
        try:
            ready = self.conn.poll(max(self.timeout - (time.monotonic() - self.started), 0.0))
            answer = self.conn.recv() if ready else None
        except (EOFError, OSError):  # the worker ended without answering
            answer = None
        seconds = round(time.monotonic() - self.started, 3)
        if answer is None:
            if ready:
                self.process.join(5)
                status = _how_it_ended(self.process.exitcode)
            else:
                status = "timeout"
            self.cancel()
            self.process.join(2)
            feedback = texts.render(_ENDED[status], self.lang, timeout=self.timeout)
            verdict = Verdict(status, seconds=seconds, feedback=feedback)
        else:
            self.process.join(2)
            verdict = Verdict(**answer, seconds=seconds)
        verdict.output = self._printed()
        return verdict

    def cancel(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError, TypeError):
            os.killpg(self.process.pid, signal.SIGKILL)  # the worker and whatever it started
        with contextlib.suppress(ProcessLookupError, PermissionError, TypeError):
            os.kill(self.process.pid, signal.SIGKILL)

    def _printed(self) -> str:
        try:
            lines = self.output.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return ""
        finally:
            self.output.unlink(missing_ok=True)
        cut = len(lines) - OUTPUT_LINES
        shown = [line[:200] for line in lines[-OUTPUT_LINES:]]
        return "\n".join(([f"… (+{cut})"] if cut > 0 else []) + shown)


def _without_hints(feedback: str, lang: str) -> str:
    """The check's feedback up to its hints: the loop reveals those one at a time, on request."""
    from grader.feedback import without_hints  # grader.i18n keeps no template keys any more

    return without_hints(feedback, lang)


def _how_it_ended(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        return "crashed"
    return "exited"


_ENDED = {"timeout": texts.TIMEOUT, "crashed": texts.CRASHED, "exited": texts.EXITED}


def _grade(
    conn: Connection, exercise_id: str, root: str, max_examples: int, seed: int, lang: str, output: str
):
    """In the worker: grade, render in the learner's language, send back plain data."""
    os.setsid()  # cancel() kills the worker with everything it started
    fd = os.open(output, os.O_WRONLY | os.O_TRUNC)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.close(fd)
    from grader.feedback import check_feedback, exercise_problem
    from grader.results import Status
    from grader.runner import Settings, run_exercise

    exercise = course.active().get(exercise_id)
    graded = digest(Path(root) / exercise.relpath)  # the file as it is when grading starts
    result = run_exercise(exercise, Path(root), Settings(max_examples=max_examples, seed=seed))
    if result.problem is not None:
        feedback = exercise_problem(result, lang)
    else:
        failing = [c for c in result.checks if not c.passed and c.status != Status.SKIPPED]
        feedback = "\n\n".join(_without_hints(check_feedback(exercise, c, lang), lang) for c in failing[:1])
    conn.send(
        {
            "status": str(result.status),
            "score": result.score,
            "max_score": result.max_score,
            "feedback": feedback,
            "digest": graded,
        }
    )
