"""The untrusted side: a child that loads one learner file and answers calls, with plain data only.

Process tree at the namespaces level (see confine.py)::

    outer (reports the init's pid) ─ init (pid 1 of a new PID namespace; reaps) ─ learner (runs the code)

At the process level the outer child is itself the learner. Requests from the parent are pickles (the
trusted direction); every answer is a :mod:`grader.sandbox.wire` message, never a pickle.
"""

from __future__ import annotations

import importlib
import importlib.abc
import os
import pickle
import sys
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

# Imported here so the fork server has them loaded before any learner code runs.
from grader import catalog, harness, loader
from grader.sandbox import confine, wire


@dataclass(frozen=True)
class ChildSetup:
    exercise_id: str
    learner_root: Path  # holds <chapter>/<id>.py: a private copy of the learner's file
    display_root: Path  # the learner's real folder, shown in tracebacks instead of the copy
    workdir: Path
    limits: confine.Limits
    level: str
    hidden: list[Path] = field(default_factory=list)
    output_path: Path | None = None
    cgroup_procs: list[Path] = field(default_factory=list)  # joined first, before any fork


def main(conn: Connection, setup: ChildSetup) -> None:
    """Target of the forked process (the outer child)."""
    for procs in setup.cgroup_procs:  # before any fork: every descendant inherits the cgroup
        procs.write_text(str(os.getpid()))
    os.setsid()
    if setup.output_path is not None:  # opened before the file system turns read-only
        fd = os.open(setup.output_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.close(fd)
    level = setup.level
    if level == confine.NAMESPACES:
        try:
            confine.enter_namespaces()
        except OSError:
            level = confine.PROCESS
    gate_read, gate_write = os.pipe()
    if level == confine.NAMESPACES:
        init = os.fork()
        if init == 0:
            os.close(gate_write)
            _namespace_init(conn, setup, gate_read)
        os.close(gate_read)
        conn.send_bytes(wire.encode({"pid": init, "isolation": level}))
        os.close(gate_write)
        conn.close()
        _, status = os.waitpid(init, 0)
        os._exit(
            os.waitstatus_to_exitcode(status) % 256 if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)
        )
    os.close(gate_read)
    os.close(gate_write)
    conn.send_bytes(wire.encode({"pid": os.getpid(), "isolation": level}))
    _learner(conn, setup, level)


def _namespace_init(conn: Connection, setup: ChildSetup, gate: int) -> None:
    os.read(gate, 1)  # wait until the outer child has told the parent our pid
    os.close(gate)
    try:
        confine.seal_file_system(setup.hidden, setup.workdir, setup.limits.file_bytes * 2)
    except OSError as e:
        _send(conn, {"setup_error": f"could not seal the file system: {e}"})
        os._exit(70)
    learner = os.fork()
    if learner == 0:
        _learner(conn, setup, confine.NAMESPACES)
    conn.close()
    code = 0
    while True:  # pid 1 reaps every orphan; the learner's own status is what we report
        try:
            pid, status = os.wait()
        except ChildProcessError:
            break
        if pid == learner:
            code = os.waitstatus_to_exitcode(status)
            code = code if code >= 0 else 128 - code
            break
    os._exit(code)


def _learner(conn: Connection, setup: ChildSetup, level: str) -> None:
    try:
        os.chdir(setup.workdir)
        confine.scrub_environment(setup.workdir)
        confine.apply_rlimits(setup.limits, level)
        import torch

        # One thread: the fork server's OpenMP pool does not survive fork, and a child that starts a
        # parallel region with more threads hangs (seen with torch 2.13's CPU build).
        torch.set_num_threads(1)
        exercise = catalog.get(setup.exercise_id)
        checks = {c.name: c for c in importlib.import_module(f"grader.specs.{exercise.id}").CHECKS}
    except Exception as e:  # the grader's own failure, before any learner code ran
        _send(conn, {"setup_error": f"{type(e).__name__}: {e}"})
        os._exit(70)
    _block_grader_imports(setup.learner_root)
    if _next_request(conn)[0] != "load":  # spawned ahead of time: wait until the exercise's turn
        os._exit(0)
    try:
        implementation = loader.load(exercise, setup.learner_root)
    except loader.LoadError as e:
        if e.error is not None and e.error.type == "SystemExit":
            _send(conn, {"exited": e.error.message[:200]})
        else:
            _send(conn, {"load_error": {"key": e.problem.key, "params": _str_params(e.problem.params)}})
        os._exit(0)
    _send(conn, {"loaded": True})
    while True:
        request = _next_request(conn)
        if request[0] == "exit":
            os._exit(0)
        _, check_name, case = request
        try:
            outcome = harness.observe(checks[check_name].run, implementation.impl, case, setup.learner_root)
            reply = {"outcome": _outcome(outcome, setup)}
        except Exception as e:  # raised by the grader's own code here (learner code's errors are caught)
            reply = {"grader_error": f"{type(e).__name__}: {e}"[:500]}
        _send(conn, reply)


def _next_request(conn: Connection) -> tuple:
    try:
        return pickle.loads(conn.recv_bytes())
    except (EOFError, OSError):
        os._exit(0)


def _outcome(outcome: harness.Outcome, setup: ChildSetup) -> dict:
    error = None
    if outcome.error is not None:
        where = outcome.error.where.replace(str(setup.learner_root.resolve()), str(setup.display_root))
        error = {"type": outcome.error.type, "message": outcome.error.message[:2000], "where": where[:4000]}
    return {
        "value": outcome.value,
        "error": error,
        "not_implemented": outcome.not_implemented,
        "aliased": list(outcome.aliased),
        "mutated": list(outcome.mutated),
    }


def _send(conn: Connection, message: dict) -> None:
    try:
        data = wire.encode(message)
    except (wire.WireError, RecursionError, ValueError, TypeError) as e:
        data = wire.encode({"wire_error": f"{type(e).__name__}: {e}"[:500]})
    conn.send_bytes(data)


def _str_params(params: dict) -> dict:
    return {k: str(v)[:2000] for k, v in params.items()}


class _GraderImportBlocker(importlib.abc.MetaPathFinder):
    """Learner code may import the grader's public helpers (``grader.datasets``) but not its internals."""

    def __init__(self, learner_root: Path) -> None:
        self.learner_root = str(learner_root.resolve())

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if not name.startswith(INTERNALS):
            return None
        frame = sys._getframe(1)
        while frame is not None and (
            frame.f_code.co_filename.startswith("<frozen") or "importlib" in frame.f_code.co_filename
        ):
            frame = frame.f_back
        if frame is not None and frame.f_code.co_filename.startswith(self.learner_root):
            raise ImportError(f"learner code may not import {name}: the grader's internals are off limits")
        return None


# The grader's machinery, dropped from sys.modules so that importing it goes through the blocker. The
# modules specs build cases from (grader.cases, grader.specs.*, ...) stay: cases sent by the parent are
# unpickled against them, and they hold nothing a learner could use.
INTERNALS = (
    "grader.runner",
    "grader.loader",
    "grader.sandbox",
    "grader.score",
    "grader.cli",
    "grader.plugin",
    "grader.reports",
    "grader.authoring",
    "grader.feedback",
    "grader.forbidden",
    "grader.catalog",
)


def _block_grader_imports(learner_root: Path) -> None:
    for name in [n for n in sys.modules if n.startswith(INTERNALS)]:
        del sys.modules[name]
    sys.meta_path.insert(0, _GraderImportBlocker(learner_root))
