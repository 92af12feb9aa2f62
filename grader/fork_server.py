"""multiprocessing keeps one fork server per process, and both the sandbox (:mod:`grader.sandbox.server`)
and the watch loop (:mod:`grader.learner.worker`) fork from it, each preloading its own module: the
sandbox's plans the confinement every child needs, the loop's confines nothing. So each claims the server
before use: one started for another owner (or by anyone else) is stopped first, never shared.
"""

from __future__ import annotations

from collections.abc import Hashable
from multiprocessing import forkserver

_OWNER = "_grader_owner"  # set on multiprocessing's ForkServer object by whoever started it


def claim(owner: Hashable) -> None:
    """Stop the running fork server unless ``owner`` started it (the next fork starts a fresh one)."""
    server = forkserver._forkserver
    if server._forkserver_pid is not None and getattr(server, _OWNER, None) != owner:
        stop()


def started(owner: Hashable) -> None:
    """Record that the running fork server was started, with its preload, for ``owner``."""
    setattr(forkserver._forkserver, _OWNER, owner)


def stop() -> None:
    """Stop the fork server (its children keep running)."""
    stopper = getattr(forkserver._forkserver, "_stop", None)
    if stopper is None:  # pragma: no cover - every CPython 3.11+ has it
        raise RuntimeError("this Python cannot restart its fork server: grade one course per run")
    stopper()
    setattr(forkserver._forkserver, _OWNER, None)
