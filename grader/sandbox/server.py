"""The fork server: one process per run that imports torch, Hypothesis and the course's catalog once;
each exercise's child is forked from it (and imports its own spec only), so a child starts in
milliseconds instead of seconds.

Light on purpose (standard library only): the CLI calls :func:`start` before it imports torch itself,
so that the server's imports and the grader's own run side by side. The server preloads the course this
process works on (:func:`grader.course.active`), named to it in ``$GRADER_COURSE``; a process that
changes course restarts the server.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
from collections.abc import Iterator
from multiprocessing import forkserver
from typing import Any

from grader import fork_server

PRELOAD = ["grader.sandbox.preload"]

# What the fork server (and so every learner process) may inherit: enough to start Python and torch.
# /proc/<pid>/environ shows a process's environment as it was exec'd, whatever os.environ says later,
# so secrets (GRADER_SEED, CI tokens) must be absent when the fork server starts.
ENV_ALLOWED = (
    "PATH",
    "PYTHONPATH",
    "PYTHONHOME",
    "VIRTUAL_ENV",
    "LD_LIBRARY_PATH",
    "LANG",
    "LC_ALL",
    "HOME",
    "TMPDIR",
    "CUDA_HOME",
    "CUDA_VISIBLE_DEVICES",
    "OPENBLAS_CORETYPE",
    "OPENBLAS_L2_SIZE",
    "GRADER_COURSE",  # set by start(): the root of the course to preload (not the parent's own value)
)
COURSE = "GRADER_COURSE"


def context() -> Any:
    """The multiprocessing context whose processes are forked from the (preloaded) fork server."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    return ctx


def start() -> None:
    """Start the fork server if it is not running; it preloads in the background while the caller goes on.

    It preloads the course this process works on; when that changed since the server started (a test
    grading two courses), the old server is stopped first.
    """
    from grader import course

    owner = ("sandbox", str(course.active().root))
    context()
    fork_server.claim(owner)
    saved = dict(os.environ)
    try:
        for name in list(os.environ):
            if name not in ENV_ALLOWED:
                del os.environ[name]
        os.environ[COURSE] = owner[1]
        # The server (and multiprocessing's resource tracker) run `python -c`, which would put the current
        # directory first on sys.path: in CI that is the submission, whose numpy.py or signal.py would then
        # be imported unconfined. PYTHONSAFEPATH (Python 3.11+) leaves it off.
        os.environ["PYTHONSAFEPATH"] = "1"
        with main_script_hidden():
            forkserver.ensure_running()
        fork_server.started(owner)
    finally:
        os.environ.clear()
        os.environ.update(saved)


def stop() -> None:
    """Stop the fork server (its children keep running); the next :func:`start` starts a fresh one."""
    fork_server.stop()


@contextlib.contextmanager
def main_script_hidden() -> Iterator[None]:
    """multiprocessing re-runs the parent's main script (``__file__``) or module (``__spec__``, under
    ``python -m``) in the fork server and in each child unless it cannot find it. Neither needs it (the
    target is importable); re-importing ``grader.cli`` cost ~0.25 s per exercise; stdin cannot be re-run.
    """
    main = sys.modules["__main__"]
    path = main.__dict__.pop("__file__", None)
    spec, main.__spec__ = getattr(main, "__spec__", None), None
    try:
        yield
    finally:
        main.__spec__ = spec
        if path is not None:
            main.__file__ = path
