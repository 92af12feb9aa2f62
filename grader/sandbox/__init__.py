"""Run untrusted learner code in confined child processes; the trusted parent keeps everything that counts.

    plan = prepare()                       # probe the machine, start the fork server (before torch)
    with Sandbox(plan=plan) as sandbox:
        result = run_exercise(exercise, root, settings, sandbox=sandbox)

The parent generates inputs, computes references, compares, times and scores; a child per exercise,
forked from a fork server that imported torch once (:mod:`grader.sandbox.server`), is confined at the
strongest level the machine offers (:mod:`grader.sandbox.host`, :mod:`grader.sandbox.confine`), only
loads the learner's file and answers calls with plain data (:mod:`grader.sandbox.wire`). A crash, exit,
timeout or limit ends that exercise alone, with its own status; every process the learner started is
dead, and reaped, before the sandbox closes.

This module stays light (no torch) so that the CLI can start the fork server before importing torch.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from grader.sandbox import confine, host, kernel, server
from grader.sandbox.confine import Limits
from grader.sandbox.host import Plan

if TYPE_CHECKING:
    from grader.catalog import Exercise
    from grader.sandbox.learner import SandboxedLearner

__all__ = ["Limits", "Plan", "Sandbox", "prepare"]

FINAL_PATIENCE = 5.0  # seconds to wait, at exit, for killed processes to be gone
SPIN_SECONDS = 0.003  # how long the parent polls for an answer before it blocks (with a CPU to spare)
ECHOES = 5  # round trips measured on a trusted child for each new shape of timed call

_plan: Plan | None = None


def prepare() -> Plan:
    """Probe the machine (once per process) and start the fork server: call before importing torch.

    The cgroups are set up first: as an ordinary user on cgroup v2 this process moves into a leaf of
    its own, and the fork server, started next, must be born there too.
    """
    global _plan
    if _plan is None:
        _plan = host.probe()
        if _plan.cgroup is not None:
            _plan.cgroup.remove_stale()
    # the grader's /proc files (its environment, its memory) then belong to root: no process of the
    # same user can read them, nor trace it
    kernel.set_dumpable(False)
    server.start()
    return _plan


class Sandbox:
    """A fork server, the plan for each exercise's child, and what the children report back.

    ``level`` may ask for a weaker level than the machine's best (tests of each level do); never a
    stronger one.
    """

    def __init__(self, limits: Limits | None = None, level: str | None = None, plan: Plan | None = None):
        self.limits = limits or Limits()
        self.plan = plan or prepare()
        if level is not None and level != self.plan.level:
            order = (confine.PROCESS, confine.UID, confine.NAMESPACES)
            stronger = order.index(level) > order.index(self.plan.level)
            if stronger or (level == confine.UID and not self.plan.as_root):
                offered = self.plan.level
                raise ValueError(f"Expected a level this machine offers (up to {offered}), got {level!r}")
            self.plan = dataclasses.replace(self.plan, level=level)
        self.confined: list[dict] = []  # what each child said of its confinement, before learner code
        self.context: Any = None
        self.dying: list[SandboxedLearner] = []  # closed (killed), not yet reaped
        # the parent's polling must not take the only CPU from the child it waits for
        self.spin_seconds = SPIN_SECONDS if len(os.sched_getaffinity(0)) > 1 else 0.0
        # one thread spawns every child, in order: the parent grades on while the fork server forks
        self._spawner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sandbox-spawn")
        self._spawned: dict[tuple[str, Path], Future[SandboxedLearner]] = {}
        self._echo_peers: dict[str, SandboxedLearner] = {}
        self._round_trips: dict[tuple, float] = {}

    @property
    def isolation(self) -> str:
        """The weakest level any child ran at (what a report must admit to); before any, the planned one."""
        levels = {c["level"] for c in self.confined} or {self.plan.level}
        for level in (confine.PROCESS, confine.UID, confine.NAMESPACES):
            if level in levels:
                return level
        return self.plan.level

    def mechanisms(self) -> dict[str, Any]:
        """The plan's mechanisms, with what the children confirmed (read back from the kernel)."""
        found = self.plan.mechanisms()
        if self.confined:
            found["confirmed_by_children"] = len(self.confined)
            found["locked_mounts"] = all(c["locked_mounts"] for c in self.confined)
            found["read_only_recursive"] = all(c["read_only_recursive"] for c in self.confined)
            found["seccomp_in_force"] = all(c["seccomp"] for c in self.confined)
            found["no_new_privs"] = all(c["no_new_privs"] for c in self.confined)
            found["capabilities_left"] = any(c["capabilities"] for c in self.confined)
        return found

    def record(self, confined: dict) -> None:
        """A child's report of its own confinement. A strong level must show no capability left, no
        new privileges and (with libseccomp) the filter: otherwise the grader stops rather than go on."""
        self.confined.append(confined)
        if confined.get("level") in confine.STRONG:
            wanted = {"capabilities": 0, "no_new_privs": True}
            if self.plan.seccomp.startswith("libseccomp"):
                wanted["seccomp"] = True
            wrong = {k: confined.get(k) for k, v in wanted.items() if confined.get(k) != v}
            if wrong:
                raise RuntimeError(f"the sandbox is not what it should be: {wrong}")

    def __enter__(self) -> Sandbox:
        self.context = server.context()
        server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        for spawning in self._spawned.values():
            with contextlib.suppress(Exception):  # a spawn that failed left nothing to close
                spawning.result().close()
        self._spawned.clear()
        for peer in self._echo_peers.values():
            peer.close()
        self._echo_peers.clear()
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

    def round_trip(self, exercise: Exercise, check: Any, args: tuple, value: Any, cpu: bool) -> float:
        """What a timed call costs when the learner answers at once (in CPU time with ``cpu``, else wall
        time), measured on a trusted child of the same exercise (spawned, never loaded): the least of a
        few round trips with the same arguments and an output of the same shape, so it never credits a
        learner with more than the transport."""
        import torch

        shape, dtype = _shape_of(value, torch)
        key = (exercise.id, check.name, tuple(_shape_of(a, torch) for a in args), shape, dtype, cpu)
        if key not in self._round_trips:
            peer = self._echo_peers.get(exercise.id)
            if peer is None:
                peer = self._echo_peers[exercise.id] = _spawn(self, exercise, None)
            self._round_trips[key] = min(peer.echo(check, args, shape, dtype, cpu) for _ in range(ECHOES))
        return self._round_trips[key]


def _shape_of(value: Any, torch: Any) -> tuple[tuple[int, ...], str]:
    if isinstance(value, torch.Tensor):
        return tuple(value.shape), str(value.dtype).removeprefix("torch.")
    return (), "float32"


def _spawn(sandbox: Sandbox, exercise: Exercise, root: Path | None) -> SandboxedLearner:
    from grader.sandbox.learner import SandboxedLearner

    return SandboxedLearner(sandbox, exercise, root)
