"""Run untrusted learner code in limited child processes; the trusted parent keeps everything that counts.

    with Sandbox() as sandbox:
        result = run_exercise(exercise, root, settings, sandbox=sandbox)

The parent generates inputs, computes references, compares and scores; a child per exercise, forked
from a fork server that imported torch once, only loads the learner's file and answers calls with
plain data (:mod:`grader.sandbox.wire`). A crash, exit, timeout or limit ends that exercise alone, with
its own status; every process the learner started is dead before the next exercise begins.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from grader.cases import Case
from grader.catalog import Exercise
from grader.harness import LearnerError, LearnerFault, Outcome, identical
from grader.i18n import Msg
from grader.loader import REPO_ROOT, LoadError, reference_root
from grader.sandbox import confine, wire
from grader.sandbox.confine import Limits

__all__ = ["Limits", "Sandbox", "SandboxedLearner"]

PRELOAD = ["grader.sandbox.preload"]
_MAX_MESSAGE = wire.MAX_BYTES + 2**24


class Sandbox:
    """A fork server and the limits for each exercise's child. ``isolation`` names the level used."""

    def __init__(self, limits: Limits | None = None, level: str | None = None) -> None:
        self.limits = limits or Limits()
        strongest = confine.NAMESPACES if confine.namespaces_possible() else confine.PROCESS
        self.level = level or strongest
        self.levels_used: set[str] = set()
        self._context: Any = None

    @property
    def isolation(self) -> str:
        """The weakest level any child ran at (what a report must admit to); before any, the planned one."""
        if not self.levels_used:
            return self.level
        return confine.PROCESS if confine.PROCESS in self.levels_used else confine.NAMESPACES

    def __enter__(self) -> Sandbox:
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(PRELOAD)
        _start_fork_server_without_secrets()
        return self

    def __exit__(self, *exc: object) -> None:
        self._context = None

    def load(self, exercise: Exercise, root: Path) -> SandboxedLearner:
        if self._context is None:
            raise RuntimeError("use the Sandbox in a `with` block")
        return SandboxedLearner(self, exercise, Path(root).resolve())


class SandboxedLearner:
    """The learner's side of one exercise, in a child process. Same interface as loader.Implementation."""

    def __init__(self, sandbox: Sandbox, exercise: Exercise, root: Path) -> None:
        self.sandbox, self.exercise, self.root = sandbox, exercise, root
        self.path = root / exercise.relpath
        self.limits = sandbox.limits
        self.started = time.monotonic()
        self.scratch = Path(tempfile.mkdtemp(prefix=f"grader-{exercise.id}-"))
        os.chmod(self.scratch, 0o755)
        private_root = self.scratch / "src"
        (private_root / exercise.chapter).mkdir(parents=True)
        shutil.copyfile(self.path, private_root / exercise.relpath)  # the child never sees the real tree
        workdir = self.scratch / "work"
        workdir.mkdir(mode=0o777)
        self.output = self.scratch / "output.txt"
        self.cgroup = None
        level = sandbox.level
        if level == confine.NAMESPACES:
            try:
                self.cgroup = confine.Cgroup(f"grader-{os.getpid()}-{exercise.id}", self.limits)
            except OSError:
                level = confine.PROCESS
        from grader.sandbox.child import ChildSetup, main

        setup = ChildSetup(
            exercise_id=exercise.id,
            learner_root=private_root,
            display_root=root,
            workdir=workdir,
            limits=self.limits,
            level=level,
            hidden=_hidden_paths(),
            output_path=self.output,
        )
        self.conn, child_conn = sandbox._context.Pipe(duplex=True)
        self.process = sandbox._context.Process(target=main, args=(child_conn, setup), daemon=True)
        with _main_script_hidden():
            self.process.start()
        child_conn.close()
        if self.cgroup is not None:
            self.cgroup.join(self.process.pid)  # before it forks: its descendants inherit the cgroup
        self.pid = self.process.pid
        self._namedtuples: dict[str, type] = {}
        try:
            hello = self._receive(self.limits.call_seconds)
            self.pid = int(hello["pid"])
            sandbox.levels_used.add(str(hello.get("isolation")))
            first = self._receive(self.limits.call_seconds)
        except LearnerFault:
            self.close()
            raise
        if "exited" in first:
            self.close()
            raise LearnerFault("exited", f"sys.exit({first['exited']}) called while loading")
        if "load_error" in first:
            self.close()
            problem = first["load_error"]
            raise LoadError(Msg(problem["key"], problem["params"]))
        if "loaded" not in first:
            self.close()
            raise LearnerFault("crashed", "the learner's process did not start")

    # -- the interface runner.run_check uses ---------------------------------------------------------

    def observe(self, check: Any, case: Case) -> Outcome:
        self._namedtuples.update(wire.namedtuple_types(case.inputs()))
        try:
            request = pickle.dumps(("call", check.name, case))
        except (pickle.PicklingError, TypeError, AttributeError) as e:
            raise RuntimeError(
                f"spec {self.exercise.id}: check {check.name}'s case cannot be sent: {e}"
            ) from e
        try:
            self.conn.send_bytes(request)
        except OSError:
            raise self._fault() from None
        remaining = self.limits.exercise_seconds - (time.monotonic() - self.started)
        reply = self._receive(min(self.limits.call_seconds, max(remaining, 0.1)))
        if "wire_error" in reply:
            error = LearnerError(
                "ResultError", f"the result could not be sent back: {reply['wire_error']}", ""
            )
            return Outcome(error=error)
        body = reply["outcome"]
        error = body["error"]
        if error is not None:
            kind = str(error["type"])
            text = str(error["message"])
            if kind == "SystemExit":
                raise LearnerFault("exited", f"sys.exit({text}) called while grading")
            if kind == "MemoryError" or "can't allocate memory" in text:
                raise LearnerFault("memory", f"{kind}: {text[:200]}")
            if "File too large" in text:
                raise LearnerFault(
                    "output_limit", f"a file or the output grew past {self.limits.file_bytes} bytes"
                )
            error = LearnerError(kind, text, str(error["where"]))
        inputs = body["inputs"]
        original = case.inputs()
        mutated = tuple(
            name for name in original if name not in inputs or not identical(inputs[name], original[name])
        )
        return Outcome(
            value=body["value"],
            error=error,
            not_implemented=bool(body["not_implemented"]),
            mutated=mutated,
            aliased=tuple(str(a) for a in body["aliased"]),
        )

    def close(self) -> None:
        """Kill every process of this exercise, then remove its cgroup and scratch space."""
        with contextlib.suppress(OSError):
            self.conn.send_bytes(pickle.dumps(("exit",)))
        self._kill()
        self.conn.close()
        shutil.rmtree(self.scratch, ignore_errors=True)

    # -- internals -------------------------------------------------------------------------------------

    def _receive(self, timeout: float) -> dict:
        try:
            ready = self.conn.poll(timeout)
        except OSError:
            ready = True
        if not ready:
            memory = self.cgroup is not None and self.cgroup.hit_memory_limit()
            self._kill()
            if memory:
                raise LearnerFault("memory", f"used more than {self.limits.memory_bytes >> 20} MiB of memory")
            raise LearnerFault("timeout", f"no answer within {timeout:.0f} s")
        try:
            data = self.conn.recv_bytes(_MAX_MESSAGE)
            message = wire.decode(data, self._namedtuples)
        except (EOFError, OSError):
            raise self._fault() from None
        except wire.WireError as e:
            self._kill()
            raise LearnerFault("crashed", f"the learner's process sent a malformed answer ({e})") from None
        if not isinstance(message, dict):
            self._kill()
            raise LearnerFault("crashed", "the learner's process sent a malformed answer")
        if "setup_error" in message:
            self._kill()
            raise RuntimeError(f"the sandbox could not start: {message['setup_error']}")
        return message

    def _fault(self) -> LearnerFault:
        """The child is gone: say how, from its exit status, the cgroup and the output size."""
        self.process.join(5)
        code = self.process.exitcode
        memory = self.cgroup is not None and self.cgroup.hit_memory_limit()
        self._kill()
        output_size = self.output.stat().st_size if self.output.exists() else 0
        if output_size >= self.limits.file_bytes:
            return LearnerFault("output_limit", f"printed more than {self.limits.file_bytes} bytes")
        if code is None:
            return LearnerFault("crashed", "the learner's process stopped answering")
        signum = -code if code < 0 else code - 128 if code > 128 else 0
        if signum == signal.SIGXCPU:
            return LearnerFault("timeout", f"used more than {self.limits.cpu_seconds} s of CPU time")
        if signum == signal.SIGKILL and memory:
            return LearnerFault("memory", f"used more than {self.limits.memory_bytes >> 20} MiB of memory")
        if signum:
            return LearnerFault("crashed", f"killed by {signal.Signals(signum).name}")
        return LearnerFault("exited", f"the process exited with status {code}")

    def _kill(self) -> None:
        for pid in {self.pid, self.process.pid}:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)  # the namespace's init: its death ends the namespace
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)  # the session, at the process level
        if self.cgroup is not None:
            self.cgroup.remove()
        self.process.join(5)


# What the fork server (and so every learner process) may inherit: enough to start Python and torch.
# /proc/<pid>/environ shows a process's environment as it was exec'd, whatever os.environ says later,
# so secrets (GRADER_SEED, CI tokens) must be absent when the fork server starts.
_ENV_ALLOWED = (
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
)


def _start_fork_server_without_secrets() -> None:
    from multiprocessing import forkserver

    saved = dict(os.environ)
    try:
        for name in list(os.environ):
            if name not in _ENV_ALLOWED:
                del os.environ[name]
        forkserver.ensure_running()
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextlib.contextmanager
def _main_script_hidden():
    """multiprocessing re-runs the parent's main script in each child unless it cannot find it: the
    child needs nothing from it (its target is importable), and a script read from stdin cannot be re-run.
    """
    main = sys.modules["__main__"]
    path = main.__dict__.pop("__file__", None)
    try:
        yield
    finally:
        if path is not None:
            main.__file__ = path


def _hidden_paths() -> list[Path]:
    """What learner code may not read: the references (and the checkout's tests and CI settings)."""
    paths = [reference_root(), Path(__file__).resolve().parent.parent / "_reference"]
    if (REPO_ROOT / ".git").exists():
        paths += [REPO_ROOT / "tests", REPO_ROOT / ".ci"]
    return [p.resolve() for p in paths if p.exists()]
