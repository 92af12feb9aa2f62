"""The parent's handle on one exercise's child: it starts the child, sends calls, and turns what comes
back (plain data, :mod:`grader.sandbox.wire`) or the child's death into an Outcome or a LearnerFault.

A child is spawned (trusted set-up only: namespaces, mounts, cgroup, limits) before it is opened (the
learner's file loaded), so a :class:`~grader.sandbox.Sandbox` can spawn the next exercise's child while
the current one is graded. Closing kills at once and reaps later, when the processes are surely gone.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pickle
import shutil
import signal
import tempfile
import time
from pathlib import Path
from typing import Any, Protocol

from grader.cases import Case, pack
from grader.catalog import Exercise
from grader.gate.verdict import read_evidence
from grader.harness import LearnerError, LearnerFault, Outcome
from grader.i18n import from_plain
from grader.loader import IMPORT_ERROR, LOAD_PROBLEMS, LoadError, learner_files
from grader.racing import TimedCall
from grader.sandbox import channel, confine, server, wire
from grader.sandbox.accounting import ProcessTree
from grader.sandbox.child import ChildSetup, main
from grader.sandbox.confine import Limits
from grader.sandbox.host import Plan
from grader.sources import read_learner

_MAX_MESSAGE = wire.MAX_BYTES + 2**24
TRANSFER_SECONDS = 5.0  # an answer that began before the deadline gets this long to arrive whole
_numbers = itertools.count()
_CLOCK = time.perf_counter  # bound before any learner code exists (timed calls are measured here)
CPU_CLOCK = time.thread_time  # the baseline's clock when the learner's calls are measured in CPU time


class Spawner(Protocol):
    """What a child's handle needs of the sandbox that spawned it (:class:`grader.sandbox.Sandbox`, which
    imports this module: the handle names what it uses, not that class, so the arrow points one way)."""

    limits: Limits
    plan: Plan
    context: Any  # the fork server's multiprocessing context
    dying: list[SandboxedLearner]  # closed (killed), not yet reaped
    spin_seconds: float

    def record(self, confined: dict) -> None: ...

    def round_trip(self, exercise: Exercise, check: Any, args: tuple, value: Any, cpu: bool) -> float: ...


class SandboxedLearner:
    """The learner's side of one exercise, in a child process. Same interface as loader.Implementation."""

    def __init__(self, sandbox: Spawner, exercise: Exercise, root: Path | None) -> None:
        """Spawn the child: it sets itself up and waits; no learner code runs before :meth:`open`.

        Without a ``root`` the child holds no learner file: a trusted peer for :meth:`echo` only.
        """
        self.sandbox, self.exercise, self.root = sandbox, exercise, root
        self.path = root / exercise.relpath if root is not None else None
        self.limits = sandbox.limits
        self.started = time.monotonic()
        if self.path is not None and not self.path.is_file():
            raise LoadError(IMPORT_ERROR(path=str(self.path), error="file not found"))
        number = next(_numbers)
        plan = sandbox.plan
        # as root, a uid of its own, held (against every grader on the machine) until the child is reaped
        self.uid_claim = (
            confine.dedicated_ids(number) if plan.as_root and plan.level in confine.STRONG else None
        )
        identity = self.uid_claim.ids if self.uid_claim is not None else None
        self.scratch = Path(tempfile.mkdtemp(prefix=f"grader-{exercise.id}-"))
        private_root, workdir, new_root = self.scratch / "src", self.scratch / "work", self.scratch / "root"
        try:
            (private_root / exercise.chapter).mkdir(parents=True)
            workdir.mkdir()
            new_root.mkdir()
            for path in learner_files(exercise, root) if root is not None else ():
                # the child never sees the learner's tree: only a copy of the exercise file and the
                # learner's own modules it imports
                copy = private_root / path.relative_to(root)
                copy.parent.mkdir(parents=True, exist_ok=True)
                copy.write_bytes(read_learner(path, root))  # never through a link, as root
            _grant(self.scratch, private_root, workdir, identity)
        except OSError as e:
            shutil.rmtree(self.scratch, ignore_errors=True)
            self._release_uid()
            raise LoadError(IMPORT_ERROR(path=str(self.path), error=e.strerror or str(e))) from None
        self.output = self.scratch / "output.txt"
        self.cgroup = None
        self._stopped = self._closed = False
        if plan.cgroup is not None:
            name = f"grader-{os.getpid()}-{exercise.id}-{number}"  # one per child, ever
            self.cgroup = plan.cgroup.create(name, self.limits.tasks, self.limits.memory_bytes)
        setup = ChildSetup(
            exercise_id=exercise.id,
            learner_root=private_root,
            display_root=root or private_root,
            workdir=workdir,
            new_root=new_root,
            limits=self.limits,
            level=plan.level,
            as_root=plan.as_root,
            identity=identity,
            output_path=self.output,
            cgroup_procs=self.cgroup.procs if self.cgroup else [],
            tasks_rlimit=plan.tasks_rlimit,
        )
        self.conn, child_conn = sandbox.context.Pipe(duplex=True)
        channel.prepare(self.conn.fileno())  # every read and write of ours has a deadline
        self.process = sandbox.context.Process(target=main, args=(child_conn, setup), daemon=True)
        server.start()  # the sandbox's own server, started with a scrubbed environment: never another's
        with server.main_script_hidden():
            self.process.start()
        child_conn.close()
        self.pid = self.process.pid
        self.confined: dict = {}
        self._namedtuples: dict[str, type] = {}

    @property
    def traced(self) -> bool:
        """Every Outcome carries the gate's runtime evidence (the child loads the file traced)."""
        return bool(self.exercise.forbidden)

    def ready(self) -> None:
        """Wait until the child is confined (still before any learner code) and check how it says it is."""
        if self.confined:
            return
        try:
            hello = self._receive(self.limits.call_seconds)
            self.pid = int(hello["pid"])
            self.confined = self._receive(self.limits.call_seconds)["confined"]
        except OSError:  # the child died before it could answer
            fault = self._fault()
            self.close()
            raise fault from None
        except (LearnerFault, KeyError, TypeError, ValueError) as e:
            self.close()
            raise RuntimeError(f"the sandbox could not start: {e}") from None
        self.sandbox.record(self.confined)

    def open(self) -> None:
        """Have the child load the learner's file; a fault or load error closes it and is raised."""
        self.ready()
        self.started = time.monotonic()  # the exercise's time budget starts now
        try:
            self._send(pickle.dumps(("load",)))
            first = self._receive(self.limits.call_seconds)
        except OSError:  # the child died before it could read
            fault = self._fault()
            self.close()
            raise fault from None
        except LearnerFault:
            self.close()
            raise
        if "exited" in first:
            self.close()
            raise LearnerFault("exited", f"sys.exit({first['exited']}) called while loading")
        if "load_error" in first:
            self.close()
            try:  # plain data from the learner's process: only a load problem, with a string per value
                problem = from_plain(first["load_error"], LOAD_PROBLEMS)
            except ValueError as e:
                raise LearnerFault("crashed", f"the learner's process sent a malformed reply ({e})") from None
            raise LoadError(problem)
        if "loaded" not in first:
            self.close()
            raise LearnerFault("crashed", "the learner's process did not start")

    # -- the interface runner.run_check uses ---------------------------------------------------------

    def observe(self, check: Any, case: Case) -> Outcome:
        self._namedtuples.update(wire.namedtuple_types(case.inputs()))
        try:
            request = pack(("call", check.name, case))
        except (pickle.PicklingError, TypeError, AttributeError) as e:
            raise RuntimeError(
                f"spec {self.exercise.id}: check {check.name}'s case cannot be sent: {e}"
            ) from e
        start = _CLOCK()  # the parent's own clock: a Holds judge may weigh it (Holds.clocked)
        self._send(request)
        remaining = self.limits.exercise_seconds - (time.monotonic() - self.started)
        reply = self._receive(min(self.limits.call_seconds, max(remaining, 0.1)))
        seconds = _CLOCK() - start
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
            error = LearnerError(kind, text, str(error["where"]), _bases(error))
        names = case.inputs().keys()
        evidence = read_evidence(body.get("evidence")) if self.traced else ()
        return Outcome(
            value=body["value"],
            error=error,
            not_implemented=bool(body["not_implemented"]),
            mutated=tuple(n for n in names if n in body["mutated"]),
            aliased=tuple(n for n in names if n in body["aliased"]),
            evidence=evidence,
            seconds=seconds,
        )

    def counts_cpu(self, check: Any) -> bool:
        """Whether this child's timed calls are measured in CPU time: on the CPU, they are. CPU time is
        what the kernel charged for the work, whatever else the machine was doing (a wall clock would
        charge a loaded machine's waits to the learner); on a GPU the work is not CPU time."""
        return check.device == "cpu"

    def cpu_seconds(self) -> float:
        """CPU time used so far by this exercise's processes: its cgroup's count, else its process tree's."""
        counted = self.cgroup.cpu_seconds() if self.cgroup is not None else None
        return counted if counted is not None else ProcessTree(self.pid).cpu_seconds()

    def baseline_clock(self, check: Any) -> Any:
        """The clock the baseline's calls are timed with, in the unit of :meth:`timed_call`'s seconds."""
        return CPU_CLOCK if self.counts_cpu(check) else _CLOCK

    def timed_call(self, check: Any, args: tuple) -> TimedCall:
        """One call of the learner's entry, measured by this process.

        With :meth:`counts_cpu`, the CPU time the kernel charged to the exercise's processes during the
        request (:meth:`cpu_seconds`); else this process's clock around the request. Either way the cost
        of the round trip itself (the same request answered at once by a trusted child,
        :meth:`Sandbox.round_trip`) is subtracted.
        """
        request = pack(("timed", check.name, args))
        remaining = self.limits.exercise_seconds - (time.monotonic() - self.started)
        seconds, reply = self._measured(request, min(self.limits.call_seconds, max(remaining, 0.1)), check)
        if "wire_error" in reply:
            why = f"the result could not be sent back: {reply['wire_error']}"
            return TimedCall(seconds, error=LearnerError("ResultError", why, ""))
        body = reply["timed"]
        if body.get("error") is not None:
            error = body["error"]
            raised = LearnerError(
                str(error["type"]), str(error["message"]), str(error["where"]), _bases(error)
            )
            return TimedCall(seconds, error=raised)
        value = body["value"]
        overhead = self.sandbox.round_trip(self.exercise, check, args, value, self.counts_cpu(check))
        return TimedCall(
            max(seconds - overhead, 0.0), value, inputs_changed=body.get("inputs_changed") is not False
        )

    def echo(self, check: Any, args: tuple, shape: tuple[int, ...], dtype: str, cpu: bool) -> float:
        """(A trusted child, never loaded.) What a timed call costs when the learner answers at once."""
        self.ready()
        request = pack(("echo", check.name, args, tuple(shape), dtype))  # encoded as a timed call is
        seconds, _ = self._measured(request, self.limits.call_seconds, check, cpu)
        return seconds

    def _measured(
        self, request: bytes, timeout: float, check: Any, cpu: bool | None = None
    ) -> tuple[float, dict]:
        cpu = self.counts_cpu(check) if cpu is None else cpu
        used = self.cpu_seconds if cpu else None
        start, charged = _CLOCK(), used() if used else 0.0
        self._send(request)
        reply = self._receive(timeout)
        elapsed = (used() - charged) if used else (_CLOCK() - start)
        return elapsed, reply

    def close(self) -> None:
        """Kill every process of this exercise now; the sandbox reaps them (:meth:`reap`) later."""
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(OSError, channel.Stalled):
            channel.send(self.conn.fileno(), pickle.dumps(("exit",)), time.monotonic() + 0.1)
        self._stop()
        self.conn.close()
        self.sandbox.dying.append(self)

    def reap(self, timeout: float) -> bool:
        """After close: wait up to ``timeout`` for the killed processes, then remove the cgroup and the
        scratch space. False while something is still there (call again later)."""
        self.process.join(timeout)
        if self.process.exitcode is None:
            return False
        if self.cgroup is not None:
            if not self.cgroup.remove(patience=timeout):
                return False
            self.cgroup = None
        shutil.rmtree(self.scratch, ignore_errors=True)
        self._release_uid()  # no process of it is left: the uid may go to another child
        return True

    def _release_uid(self) -> None:
        if self.uid_claim is not None:
            self.uid_claim.release()
            self.uid_claim = None

    # -- internals -------------------------------------------------------------------------------------

    def _send(self, request: bytes) -> None:
        """Send a request; a child that stopped reading (its pipe full) times out instead of hanging us."""
        try:
            channel.send(self.conn.fileno(), request, time.monotonic() + self.limits.call_seconds)
        except OSError:
            raise self._fault() from None
        except channel.Stalled:
            self._stop()
            raise LearnerFault(
                "timeout", f"took no request within {self.limits.call_seconds:.0f} s"
            ) from None

    def _receive(self, timeout: float) -> dict:
        started = time.monotonic()
        try:
            ready = self._spin_for_answer() or self.conn.poll(timeout)
        except OSError:
            ready = True
        if not ready:
            memory = self.cgroup is not None and self.cgroup.hit_memory_limit()
            self._stop()
            if memory:
                raise LearnerFault("memory", f"used more than {self.limits.memory_bytes >> 20} MiB of memory")
            raise LearnerFault("timeout", f"no answer within {timeout:.0f} s")
        deadline = max(time.monotonic() + TRANSFER_SECONDS, started + timeout)
        try:
            data = channel.receive(self.conn.fileno(), _MAX_MESSAGE, deadline)
            message = wire.decode(data, self._namedtuples)
        except (EOFError, OSError):
            raise self._fault() from None
        except channel.Stalled:
            self._stop()
            raise LearnerFault(
                "timeout", f"sent part of an answer, then nothing within {timeout:.0f} s"
            ) from None
        except (wire.WireError, channel.TooLarge) as e:
            self._stop()
            raise LearnerFault("crashed", f"the learner's process sent a malformed answer ({e})") from None
        if not isinstance(message, dict):
            self._stop()
            raise LearnerFault("crashed", "the learner's process sent a malformed answer")
        if "setup_error" in message:
            self._stop()
            raise RuntimeError(f"the sandbox could not start: {message['setup_error']}")
        if "grader_error" in message:
            raise RuntimeError(f"the grader failed in the sandbox: {message['grader_error']}")
        return message

    def _spin_for_answer(self) -> bool:
        """Most answers take well under a millisecond. Blocking for one costs more than that on virtual
        machines (the idle CPU is parked, and wakes up with cold caches): with a core to spare, check for
        the answer in a loop for a little while first."""
        if not self.sandbox.spin_seconds:
            return False
        until = time.perf_counter() + self.sandbox.spin_seconds
        while not self.conn.poll(0):
            if time.perf_counter() > until:
                return False
        return True

    def _fault(self) -> LearnerFault:
        """The child is gone: say how, from its exit status, the cgroup and the output size."""
        self.process.join(5)
        code = self.process.exitcode
        memory = self.cgroup is not None and self.cgroup.hit_memory_limit()
        self._stop()
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

    def _stop(self) -> None:
        """SIGKILL every process of the exercise, once (a reaped pid may already be someone else's)."""
        if self._stopped:
            return
        self._stopped = True
        if self.cgroup is not None:
            self.cgroup.kill_all()  # every process of the exercise, the namespace's init included
        else:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)  # the session, at the process level
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(self.process.pid, signal.SIGKILL)  # not reaped yet, so still ours


def _grant(scratch: Path, private_root: Path, workdir: Path, identity: tuple[int, int] | None) -> None:
    """As root, a dedicated uid: it may read its own copy (through its group) and write its working
    directory, and nothing else of the scratch space; other children's uids cannot even enter."""
    if identity is None:
        return
    uid, gid = identity
    os.chown(scratch, 0, gid)
    os.chmod(scratch, 0o750)
    for folder, _, files in os.walk(private_root):
        os.chown(folder, 0, gid)
        os.chmod(folder, 0o750)
        for name in files:
            os.chown(Path(folder) / name, 0, gid)
            os.chmod(Path(folder) / name, 0o640)
    os.chown(workdir, uid, gid)
    os.chmod(workdir, 0o700)


def _bases(error: dict) -> tuple[str, ...]:
    """The ancestor names the child sent with an exception (at most 32 names of 200 characters)."""
    bases = error.get("bases")
    return tuple(str(b)[:200] for b in bases[:32]) if isinstance(bases, list | tuple) else ()
