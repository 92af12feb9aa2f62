"""Run untrusted learner code in limited child processes; the trusted parent keeps everything that counts.

    with Sandbox() as sandbox:
        result = run_exercise(exercise, root, settings, sandbox=sandbox)

The parent generates inputs, computes references, compares and scores; a child per exercise, forked
from a fork server that imported torch once (:mod:`grader.sandbox.server`), only loads the learner's
file and answers calls with plain data (:mod:`grader.sandbox.wire`). A crash, exit, timeout or limit
ends that exercise alone, with its own status; every process the learner started is dead, and reaped,
before the sandbox closes.

This module stays light (no torch) so that the CLI can start the fork server before importing torch.
"""

from __future__ import annotations

import contextlib
import os
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from grader.sandbox import confine, server
from grader.sandbox.confine import Limits

if TYPE_CHECKING:
    from grader.catalog import Exercise
    from grader.sandbox.learner import SandboxedLearner

__all__ = ["Limits", "Sandbox"]

FINAL_PATIENCE = 5.0  # seconds to wait, at exit, for killed processes to be gone
SPIN_SECONDS = 0.003  # how long the parent polls for an answer before it blocks (with a CPU to spare)


class Sandbox:
    """A fork server and the limits for each exercise's child. ``isolation`` names the level used."""

    def __init__(self, limits: Limits | None = None, level: str | None = None) -> None:
        self.limits = limits or Limits()
        strongest = confine.NAMESPACES if confine.namespaces_possible() else confine.PROCESS
        self.level = level or strongest
        self.levels_used: set[str] = set()
        self.context: Any = None
        self.dying: list[SandboxedLearner] = []  # closed (killed), not yet reaped
        # the parent's polling must not take the only CPU from the child it waits for
        self.spin_seconds = SPIN_SECONDS if len(os.sched_getaffinity(0)) > 1 else 0.0
        # one thread spawns every child, in order: the parent grades on while the fork server forks
        self._spawner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sandbox-spawn")
        self._spawned: dict[tuple[str, Path], Future[SandboxedLearner]] = {}

    @property
    def isolation(self) -> str:
        """The weakest level any child ran at (what a report must admit to); before any, the planned one."""
        if not self.levels_used:
            return self.level
        return confine.PROCESS if confine.PROCESS in self.levels_used else confine.NAMESPACES

    def __enter__(self) -> Sandbox:
        if self.level == confine.NAMESPACES:
            confine.remove_stale_cgroups()
        self.context = server.context()
        server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        for spawning in self._spawned.values():
            with contextlib.suppress(Exception):  # a spawn that failed left nothing to close
                spawning.result().close()
        self._spawned.clear()
        self._spawner.shutdown()
        self.dying = [d for d in self.dying if not d.reap(FINAL_PATIENCE)]
        self.context = None

    def prepare(self, exercise: Exercise, root: Path) -> None:
        """Spawn the child for an exercise graded next, in the background, so that its set-up overlaps
        the current exercise. The child only sets itself up and waits: the learner's file is loaded when
        :meth:`load` asks for it.
        """
        key = (exercise.id, Path(root).resolve())
        if self.context is not None and key not in self._spawned:
            self._spawned[key] = self._spawner.submit(_spawn, self, exercise, key[1])

    def load(self, exercise: Exercise, root: Path) -> SandboxedLearner:
        """The learner's code for ``exercise``, loaded in its own child (LoadError, LearnerFault)."""
        if self.context is None:
            raise RuntimeError("use the Sandbox in a `with` block")
        self.dying = [d for d in self.dying if not d.reap(0)]  # long dead by now: no waiting
        key = (exercise.id, Path(root).resolve())
        spawning = self._spawned.pop(key, None) or self._spawner.submit(_spawn, self, exercise, key[1])
        learner = spawning.result()
        learner.open()
        return learner


def _spawn(sandbox: Sandbox, exercise: Exercise, root: Path) -> SandboxedLearner:
    from grader.sandbox.learner import SandboxedLearner

    return SandboxedLearner(sandbox, exercise, root)
