"""The static analysis in a process of its own, under a hard wall-clock and memory limit.

The analysis reads untrusted code with astroid, whose inference does what the code says to constants
(a chain of big integers under ``if False:`` folds for hours) and may take all memory. The trusted
process must never stall on it. So each grading process forks one analysis process, on first use (a fork
starts in milliseconds, with astroid and torch already loaded, and inherits no file descriptor but its
two pipes), and hands it one exercise at a time with a deadline per file. Past the deadline, or when the
process dies at its memory limit, it is killed (the next exercise forks a new one) and the exercise gets
a finding that fails its gate with a clear message (:data:`grader.gate.static.TIME_LIMIT`).

The request is the trusted side's own (pickled); what comes back is plain data (JSON of the findings),
checked before use.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import json
import os
import pickle
import resource
import select
import signal
import struct
import threading
import time
from dataclasses import astuple
from functools import lru_cache
from pathlib import Path
from typing import Any

from grader.catalog import Exercise
from grader.gate.static import DYNAMIC, TIME_LIMIT, Analysis, Finding, analyze_here
from grader.loader import learner_files

SECONDS_PER_FILE = 10.0  # learner files take milliseconds: only code built to stall gets near this
MEMORY_BYTES = 2 << 30  # the most the analysis may add to what the process held when it was forked
_HEADER = struct.Struct("!I")
_MAX_REPLY = 16 << 20

_worker: _Worker | None = None
_lock = threading.Lock()


class GaveUp(Exception):
    """The analysis process ran past its deadline or its memory, or died."""


def analyze(exercise: Exercise, root: Path) -> Analysis:
    """The findings in the learner's exercise file and the helper modules it imports (cached by content),
    worked out in the analysis process, under its hard limits: an analysis that gives up is a finding."""
    root = Path(root).resolve()
    files = learner_files(exercise, root)
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.resolve().relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return _analyze_cached(exercise, root, digest.hexdigest(), len(files))


@lru_cache(maxsize=256)
def _analyze_cached(exercise: Exercise, root: Path, digest: str, files: int) -> Analysis:
    try:
        return _ask(exercise, root, digest, files)
    except GaveUp:
        return Analysis((Finding(exercise.relpath.as_posix(), 0, "", DYNAMIC, TIME_LIMIT),))


def _ask(exercise: Exercise, root: Path, digest: str, files: int) -> Analysis:
    """The analysis of ``exercise`` under ``root`` (``files`` learner files whose content has ``digest``),
    in the analysis process. Raises :class:`GaveUp`."""
    global _worker
    with _lock:
        if _worker is None or _worker.owner != os.getpid():
            _worker = _Worker()  # a process forked from ours (a grading worker) gets its own
        worker = _worker
        try:
            return _from_plain(worker.ask((exercise, root, digest), SECONDS_PER_FILE * max(1, files)))
        except GaveUp:
            worker.kill()
            _worker = None
            raise


def stop() -> None:
    """Kill this process's analysis process, if any (the next analysis forks a new one)."""
    global _worker
    with _lock:
        if _worker is not None and _worker.owner == os.getpid():
            _worker.kill()
        _worker = None


class _Worker:
    def __init__(self) -> None:
        request_r, request_w = os.pipe()
        reply_r, reply_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the analysis process
            status = 1
            try:
                os.close(request_w)
                os.close(reply_r)
                _keep_only(request_r, reply_w)
                _limit_memory()
                gc.freeze()  # what the fork shares stays out of the collections (and unwritten: no copies)
                _serve(request_r, reply_w)
                status = 0
            finally:
                os._exit(status)
        os.close(request_r)
        os.close(reply_w)
        self.owner, self.pid, self.requests, self.replies = os.getpid(), pid, request_w, reply_r

    def ask(self, request: Any, seconds: float) -> Any:
        try:
            _write(self.requests, pickle.dumps(request))
        except OSError:
            raise GaveUp("the analysis process is gone") from None
        reply = _read(self.replies, time.monotonic() + seconds)
        try:
            return json.loads(reply)
        except ValueError:
            raise GaveUp("a malformed reply") from None

    def kill(self) -> None:
        for fd in (self.requests, self.replies):
            with contextlib.suppress(OSError):
                os.close(fd)
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


def _serve(requests: int, replies: int) -> None:
    """The analysis process's loop: one exercise per request, until the pipe closes."""
    while True:
        try:
            request = _read(requests, None)
        except GaveUp:
            return  # the trusted process closed the pipe, or is gone
        exercise, root, digest = pickle.loads(request)
        analysis = analyze_here(exercise, root, digest)
        plain = [[list(astuple(f)) for f in analysis.findings], list(analysis.files)]
        _write(replies, json.dumps(plain).encode())


_FIELDS = tuple(f.type for f in dataclasses.fields(Finding))


def _from_plain(plain: Any) -> Analysis:
    """The analysis process's reply, checked field by field (GaveUp when malformed)."""
    try:
        findings, files = plain
        rows = [tuple(row) for row in findings]
        if not all(tuple(type(v).__name__ for v in row) == _FIELDS for row in rows):
            raise ValueError
        if not all(type(f) is str for f in files):
            raise ValueError
        return Analysis(tuple(Finding(*row) for row in rows), tuple(files))
    except (TypeError, ValueError):
        raise GaveUp("a malformed reply") from None


def _keep_only(*keep: int) -> None:
    """Close every inherited descriptor but stdin/stdout/stderr and ``keep``: a pipe of the trusted
    process's that stays open here would never see its end of file."""
    try:
        fds = sorted(int(name) for name in os.listdir("/proc/self/fd"))
    except OSError:
        fds = list(range(3, 4096))
    for fd in fds:
        if fd > 2 and fd not in keep:
            with contextlib.suppress(OSError):
                os.close(fd)


def _limit_memory() -> None:
    try:
        with open("/proc/self/statm") as f:
            held = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        resource.setrlimit(resource.RLIMIT_AS, (held + MEMORY_BYTES, held + MEMORY_BYTES))
    except (OSError, ValueError):
        pass  # no /proc, or a hard limit already lower: the deadline still holds


def _write(fd: int, data: bytes) -> None:
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def _read(fd: int, deadline: float | None) -> bytes:
    (size,) = _HEADER.unpack(_read_exactly(fd, _HEADER.size, deadline))
    if size > _MAX_REPLY:
        raise GaveUp("a reply too large")
    return _read_exactly(fd, size, deadline)


def _read_exactly(fd: int, size: int, deadline: float | None) -> bytes:
    chunks, left = [], size
    while left:
        if deadline is not None:
            wait = deadline - time.monotonic()
            if wait <= 0 or not select.select([fd], [], [], wait)[0]:
                raise GaveUp("past the deadline")
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            raise GaveUp("the other end closed")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
