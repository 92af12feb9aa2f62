"""The untrusted side: a child that loads one learner file and answers calls, with plain data only.

Process tree at the namespaces level (see confine.py)::

    outer (reports the init's pid) ─ init (pid 1 of a new PID namespace; builds the new root, reaps)
                                     └─ learner (locks its mounts, drops everything, runs the code)

At the uid and process levels the outer child is itself the learner. Requests from the parent are
pickles (the trusted direction); every answer is a :mod:`grader.sandbox.wire` message, never a pickle.
Before the learner's file is loaded the child is still trusted: it tells the parent what confinement
it achieved, and it answers ``echo`` requests, which measure the round trip a timed call costs.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.abc
import os
import pickle
import pkgutil
import select
import sys
import types
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

# Imported here so the fork server has them loaded before any learner code runs.
from grader import cases, course, harness, loader
from grader.i18n import to_plain
from grader.runner import load_checks
from grader.sandbox import confine, filesystem, kernel, seccomp, wire

VIEW: filesystem.View | None = None  # planned by the fork server once everything is imported (preload)
SERVER: int | None = None  # the fork server's pid (preload): a child's parent, which dies with the grader


@dataclass(frozen=True)
class ChildSetup:
    exercise_id: str
    learner_root: Path  # holds <chapter>/<id>.py: a private copy of the learner's file
    display_root: Path  # the learner's real folder, shown in tracebacks instead of the copy
    workdir: Path
    new_root: Path  # an empty folder: the mount point of the new root (namespaces level)
    limits: confine.Limits
    level: str
    as_root: bool
    identity: tuple[int, int] | None = None  # the dedicated uid and gid (as root)
    output_path: Path | None = None
    cgroup_procs: list[Path] = field(default_factory=list)  # joined first, before any fork
    tasks_rlimit: bool = False  # cap the tasks with RLIMIT_NPROC (host.Plan.tasks_rlimit)


def main(conn: Connection, setup: ChildSetup) -> None:
    """Target of the forked process (the outer child)."""
    # When the grader dies, multiprocessing's fork server exits (it watches a pipe from the grader): the
    # outer child dies with it, the init with the outer child, and with the init the whole PID namespace.
    kernel.die_with_parent()
    if os.getppid() != SERVER:  # the server died before the line above: nothing would signal us
        os._exit(70)
    _let_go_of_the_server()
    try:
        for procs in setup.cgroup_procs:  # before any fork: every descendant inherits the cgroup
            procs.write_text("0")
        os.setsid()
        kernel.set_dumpable(True)  # unlike the fork server: a user namespace's maps are written in /proc
        if setup.output_path is not None:  # opened before the file system changes
            fd = os.open(setup.output_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            os.close(fd)
        if setup.level == confine.NAMESPACES:
            confine.enter_namespaces(setup.as_root)
    except OSError as e:
        _setup_failed(conn, f"could not confine the learner's process: {e}")
    try:  # this exercise's spec only (the fork server holds none), while the course's files are in view
        _one_thread()  # a spec may compute with torch as it is imported
        load_checks(course.active().get(setup.exercise_id))  # with specs/hidden/<id>.py where there is one
    except Exception as e:
        _setup_failed(conn, f"could not import the spec of {setup.exercise_id}: {type(e).__name__}: {e}")
    if setup.level != confine.NAMESPACES:
        conn.send_bytes(wire.encode({"pid": os.getpid(), "isolation": setup.level}))
        _learner(conn, setup, read_only_recursive=False, init=None)
    gate_read, gate_write = os.pipe()
    init = os.fork()
    if init == 0:
        os.close(gate_write)
        _namespace_init(conn, setup, gate_read)
    os.close(gate_read)
    conn.send_bytes(wire.encode({"pid": init, "isolation": setup.level}))
    os.write(gate_write, b"g")  # and gate_write stays open as long as this process lives (the init's check)
    conn.close()
    _, status = os.waitpid(init, 0)
    os._exit(os.waitstatus_to_exitcode(status) % 256 if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))


def _namespace_init(conn: Connection, setup: ChildSetup, gate: int) -> None:
    kernel.die_with_parent()  # the outer child; our parent is outside the PID namespace (getppid() is 0)
    go = os.read(gate, 1)  # wait until the outer child has told the parent our pid
    if go != b"g" or _hung_up(gate):  # the outer child died (before the line above, maybe): so do we
        os._exit(70)
    os.close(gate)
    try:
        assert VIEW is not None, "the fork server did not plan the file system view"
        recursive = filesystem.build(
            VIEW,
            setup.new_root,
            private=[setup.learner_root],
            writable=[setup.workdir],
            tmpfs_bytes=setup.limits.file_bytes * 2,
        )
    except OSError as e:
        _setup_failed(conn, f"could not build the learner's file system: {e}")
    to_init, from_learner = os.pipe()
    to_learner, from_init = os.pipe()
    learner = os.fork()
    if learner == 0:
        os.close(to_init)
        os.close(from_init)
        _learner(conn, setup, recursive, init=(from_learner, to_learner))
    os.close(from_learner)
    os.close(to_learner)
    conn.close()
    if os.read(to_init, 1) == b"m":  # the learner entered its locking namespaces: map them
        uid, gid = setup.identity or (os.getuid(), os.getgid())
        try:
            confine.map_locked_identity(learner, uid, gid)
            os.write(from_init, b"k")
        except OSError:
            os.write(from_init, b"x")
    os.close(to_init)
    os.close(from_init)
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


def _let_go_of_the_server() -> None:
    """Close the ends of the pipes multiprocessing handed this process: the fork server and the resource
    tracker each wait for every holder of theirs to be gone, so held here (and in the init), they
    outlived a killed grader, and so did every learner process."""
    from multiprocessing import forkserver, resource_tracker

    for holder, name in (
        (forkserver._forkserver, "_forkserver_alive_fd"),
        (resource_tracker._resource_tracker, "_fd"),
    ):
        fd = getattr(holder, name, None)
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)
            setattr(holder, name, None)


def _one_thread() -> None:
    """One thread: the fork server's OpenMP pool does not survive fork, and a child that starts a parallel
    region with more threads hangs (seen with torch 2.13's CPU build; and a spec that computed as it was
    imported in the child hung it before it could say hello)."""
    import torch

    torch.set_num_threads(1)


def _hung_up(fd: int) -> bool:
    """Whether every write end of the pipe ``fd`` is closed (its only writer, the outer child, is gone)."""
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return any(event & select.POLLHUP for _, event in poller.poll(0))


def _learner(
    conn: Connection, setup: ChildSetup, read_only_recursive: bool, init: tuple[int, int] | None
) -> None:
    try:
        exercise, checks, locked = _confine(conn, setup, init)
        facts = _facts(setup, read_only_recursive, locked)
    except Exception as e:  # the grader's own failure, before any learner code ran
        _setup_failed(conn, f"{type(e).__name__}: {e}")
    _send(conn, {"confined": facts})
    _block_grader_imports(setup.learner_root)
    while True:  # spawned ahead of time: until the exercise's turn, only echo (still trusted code)
        request = _next_request(conn)
        if request[0] != "echo":
            break
        _send(conn, _echo(checks, request))
    if request[0] != "load":
        os._exit(0)
    try:
        implementation = loader.load(exercise, setup.learner_root)
    except loader.LoadError as e:
        if e.error is not None and e.error.type == "SystemExit":
            _send(conn, {"exited": e.error.message[:200]})
        else:
            _send(conn, {"load_error": to_plain(e.problem, loader.LOAD_PROBLEMS)})
        os._exit(0)
    _send(conn, {"loaded": True})
    while True:
        request = _next_request(conn)
        if request[0] == "exit":
            os._exit(0)
        try:
            if request[0] == "timed":
                reply = _timed(checks[request[1]], implementation.impl, request[2], setup)
            else:
                _, check_name, case = request
                outcome = implementation.observe(checks[check_name], case)  # traced for the gate
                reply = {"outcome": _outcome(outcome, setup)}
        except Exception as e:  # raised by the grader's own code here (learner code's errors are caught)
            reply = {"grader_error": f"{type(e).__name__}: {e}"[:500]}
        _send(conn, reply)


def _confine(conn: Connection, setup: ChildSetup, init: tuple[int, int] | None) -> tuple[Any, dict, bool]:
    """Every step before learner code: limits, no inherited files, locked mounts, no privileges, seccomp."""
    os.chdir(setup.workdir)
    confine.scrub_environment(setup.workdir)
    confine.apply_rlimits(setup.limits, setup.level, setup.tasks_rlimit)
    keep = {conn.fileno(), *(init or ())}
    confine.close_inherited_files(keep)
    _one_thread()
    exercise = course.active().get(setup.exercise_id)  # of the course the fork server preloaded
    checks = {c.name: c for c in load_checks(exercise)}  # imported in main, before the new root
    uid, gid = setup.identity or (None, None)
    if setup.as_root and setup.level != confine.PROCESS:
        os.setgroups([])
    locked = False
    if init is not None:
        from_learner, to_learner = init
        try:
            confine.enter_locking_namespaces()
            os.write(from_learner, b"m")
            locked = os.read(to_learner, 1) == b"k"
        except OSError:
            os.write(from_learner, b"x")
        os.close(from_learner)
        os.close(to_learner)
        if locked and uid is None:
            uid, gid = os.getuid(), os.getgid()  # inside the new namespace: the one uid it maps
    if setup.level != confine.PROCESS:
        confine.drop_privileges(uid, gid)
    if init is None:  # the outer child is the learner (uid, process levels): a new uid cleared the setting
        kernel.die_with_parent()
        if os.getppid() != SERVER:
            os._exit(70)
    kernel.set_dumpable(True)  # a change of uid made it undumpable; the learner's own /proc stays its own
    confine.restrict(seccomp.prepare())
    return exercise, checks, locked


def _facts(setup: ChildSetup, read_only_recursive: bool, locked: bool) -> dict:
    """What confinement this process ended up with, read back from the kernel (plain data)."""
    status = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        status[key] = value.strip()
    return {
        "level": setup.level,
        "uid": os.getuid(),
        "capabilities": int(status.get("CapEff", "0"), 16) | int(status.get("CapBnd", "0"), 16),
        "no_new_privs": status.get("NoNewPrivs") == "1",
        "seccomp": status.get("Seccomp") == "2",
        "locked_mounts": locked,
        "read_only_recursive": read_only_recursive,
        "new_root": setup.level == confine.NAMESPACES,
    }


def _echo(checks: dict, request: tuple) -> dict:
    """Stand in for a learner that answers instantly: decode the same arguments, place them, and
    summarise an output of the same shape, as :func:`_timed` would."""
    _, check_name, args, shape, dtype = request
    check = checks[check_name]
    import torch

    placed = check.place(args)
    kept = [cases.clone_value(a) for a in placed]
    output = torch.zeros(shape, dtype=getattr(torch, dtype), device=check.device)
    changed = not all(harness.identical(a, k) for a, k in zip(placed, kept, strict=True))
    return {"timed": {"value": check.summarise(output, placed), "inputs_changed": changed}}


def _timed(check: Any, impl: Any, args: tuple, setup: ChildSetup) -> dict:
    """One timed call: place the arguments, keep a copy, call, compare, summarise. The parent's clock
    spans all of it (the echo does the same work, but the call)."""
    placed = check.place(args)
    kept = [cases.clone_value(a) for a in placed]
    try:
        output = impl(*placed)
        changed = not all(harness.identical(a, k) for a, k in zip(placed, kept, strict=True))
        return {"timed": {"value": check.summarise(output, placed), "inputs_changed": changed}}
    except (Exception, SystemExit) as e:
        error = harness.learner_error(e, setup.learner_root)
        return {"timed": {"error": _error(error, setup)}}


def _next_request(conn: Connection) -> tuple:
    try:
        return pickle.loads(conn.recv_bytes())
    except (EOFError, OSError):
        os._exit(0)


def _error(error: harness.LearnerError, setup: ChildSetup) -> dict:
    where = error.where.replace(str(setup.learner_root.resolve()), str(setup.display_root))
    bases = [str(b)[:200] for b in error.bases[:32]]
    return {"type": error.type, "message": error.message[:2000], "where": where[:4000], "bases": bases}


def _outcome(outcome: harness.Outcome, setup: ChildSetup) -> dict:
    return {
        "value": outcome.value,
        "error": None if outcome.error is None else _error(outcome.error, setup),
        "not_implemented": outcome.not_implemented,
        "aliased": list(outcome.aliased),
        "mutated": list(outcome.mutated),
        "evidence": list(outcome.evidence),  # judged by the trusted side (grader.gate.verdict)
    }


def _send(conn: Connection, message: dict) -> None:
    try:
        data = wire.encode(message)
    except (wire.WireError, RecursionError, ValueError, TypeError) as e:
        data = wire.encode({"wire_error": f"{type(e).__name__}: {e}"[:500]})
    conn.send_bytes(data)


def _setup_failed(conn: Connection, why: str) -> None:
    try:
        _send(conn, {"setup_error": why[:1000]})
    finally:
        os._exit(70)


class _GraderImportBlocker(importlib.abc.MetaPathFinder):
    """Learner code may import the grader's public helpers (``grader.datasets``) but not its internals."""

    def __init__(self, learner_root: Path) -> None:
        self.learner_root = str(learner_root.resolve())

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if not _internal(name):
            return None
        frame = sys._getframe(1)
        while frame is not None and (
            frame.f_code.co_filename.startswith("<frozen") or "importlib" in frame.f_code.co_filename
        ):
            frame = frame.f_back
        if frame is not None and frame.f_code.co_filename.startswith(self.learner_root):
            raise ImportError(f"learner code may not import {name}: the grader's internals are off limits")
        return None


def internals() -> tuple[str, ...]:
    """Every module of the grader but those :mod:`grader.api` is made of (where each of its names is
    defined), each subpackage by its name: what learner code may not import, derived from the spec
    authors' API so that the two never drift apart. Cases sent by the parent are unpickled against the
    API's modules (grader.cases, grader.spec, ...) and the course's specs, so those stay loaded.

    >>> "grader.runner" in internals() and "grader.spec" not in internals()
    True
    """
    import grader
    from grader import api

    allowed = {api.__name__}
    for name in api.__all__:
        value = getattr(api, name)
        allowed.add(value.__name__ if isinstance(value, types.ModuleType) else type_module(value))
    found = {f"grader.{m.name}" for m in pkgutil.iter_modules(grader.__path__)}
    return tuple(sorted(found - allowed))


def type_module(value: Any) -> str:
    """Where a class, a function or (through its class) an instance is defined."""
    module = getattr(value, "__module__", None)
    return module if isinstance(module, str) else type(value).__module__


# The grader's machinery, dropped from sys.modules so that importing it goes through the blocker.
INTERNALS = internals()


def _internal(name: str) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in INTERNALS)


def _block_grader_imports(learner_root: Path) -> None:
    for name in [n for n in sys.modules if _internal(n)]:
        del sys.modules[name]
    sys.meta_path.insert(0, _GraderImportBlocker(learner_root))
