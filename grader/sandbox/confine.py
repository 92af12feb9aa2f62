"""Limits and isolation applied to the process that runs learner code (Linux).

Two levels, the strongest the machine allows, recorded in every report:

- ``namespaces+cgroup`` (root): new PID, network, mount, IPC and UTS namespaces; a private /proc (no view
  of the grader's processes or environment); the root file system read-only, the references hidden, a
  small tmpfs as the working directory; a cgroup capping tasks and memory; rlimits on CPU time, file size
  and open files. Killing the namespace's init ends every process the learner started, daemons included.
- ``process``: a new session, rlimits on CPU time, address space, processes, file size and open files;
  the session is killed at the end (a daemon that calls setsid itself can escape this level).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import resource
import signal
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC = 0x00020000, 0x04000000, 0x08000000
CLONE_NEWPID, CLONE_NEWNET = 0x20000000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18

NAMESPACES = "namespaces+cgroup"
PROCESS = "process"
CGROUP_ROOT = Path("/sys/fs/cgroup")


@dataclass(frozen=True)
class Limits:
    """Per-exercise limits on learner code. Wall times are enforced by the parent, the rest by the OS."""

    call_seconds: float = 120.0  # one call (training the digits classifier takes the longest)
    exercise_seconds: float = 600.0
    cpu_seconds: int = 600
    memory_bytes: int = 4 * 2**30
    tasks: int = 64  # processes and threads
    file_bytes: int = 64 * 2**20  # any one file, stdout/stderr included
    open_files: int = 256


class ConfineError(OSError):
    pass


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def _check(result: int, what: str) -> None:
    if result != 0:
        errno = ctypes.get_errno()
        raise ConfineError(errno, f"{what}: {os.strerror(errno)}")


def unshare(flags: int) -> None:
    _check(_libc().unshare(flags), "unshare")


def mount(source: str | None, target: str, fstype: str | None, flags: int, data: str | None = None) -> None:
    enc = [None if s is None else s.encode() for s in (source, target, fstype, data)]
    _check(_libc().mount(enc[0], enc[1], enc[2], ctypes.c_ulong(flags), enc[3]), f"mount {target}")


def namespaces_possible() -> bool:
    return os.geteuid() == 0 and (CGROUP_ROOT / "pids").is_dir() and (CGROUP_ROOT / "memory").is_dir()


class Cgroup:
    """A v1 cgroup pair (pids + memory) for one exercise, created and removed by the trusted parent."""

    def __init__(self, name: str, limits: Limits) -> None:
        self.dirs = [CGROUP_ROOT / "pids" / name, CGROUP_ROOT / "memory" / name]
        for d in self.dirs:
            d.mkdir(exist_ok=True)
        (self.dirs[0] / "pids.max").write_text(str(limits.tasks))
        (self.dirs[1] / "memory.limit_in_bytes").write_text(str(limits.memory_bytes))

    def hit_memory_limit(self) -> bool:
        try:
            return int((self.dirs[1] / "memory.failcnt").read_text()) > 0
        except (OSError, ValueError):
            return False

    def kill_all(self) -> None:
        """SIGKILL every member, again while new ones appear (a fork in flight); no wait for their exit."""
        signalled: set[int] = set()
        for _ in range(100):
            pids = {int(p) for d in self.dirs for p in _read(d / "cgroup.procs").split()} - signalled
            if not pids:
                return
            for pid in pids:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            signalled |= pids

    def remove(self, patience: float = 2.0) -> bool:
        """Kill what is left and remove the cgroup; False if it stayed busy for ``patience`` seconds.

        A killed process holds its cgroup until it is reaped, and an orphan is reaped by whoever adopted
        it, so removal can lag the kill by a few milliseconds: retry with short sleeps, not a busy loop.
        """
        self.kill_all()
        deadline = time.monotonic() + patience
        pause = 0.0005
        for d in self.dirs:
            while True:
                try:
                    d.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        return False
                    self.kill_all()
                    time.sleep(pause)
                    pause = min(pause * 2, 0.05)
        return True


def remove_stale_cgroups() -> None:
    """Remove the empty cgroups a killed grader left behind (named after a process that is gone)."""
    for controller in ("pids", "memory"):
        for d in (CGROUP_ROOT / controller).glob("grader-*"):
            owner = d.name.split("-")[1]
            if owner.isdigit() and not Path(f"/proc/{owner}").exists():
                with contextlib.suppress(OSError):
                    d.rmdir()


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:
        return ""


def enter_namespaces() -> None:
    """In the outer child: new namespaces; the next fork becomes the namespace's init."""
    unshare(CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS)


def seal_file_system(hidden: list[Path], workdir: Path, tmpfs_bytes: int) -> None:
    """In the namespace's init: private /proc, read-only root, references hidden, a small writable tmpfs."""
    mount(None, "/", None, MS_REC | MS_PRIVATE)
    mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    for path in hidden:
        if path.is_dir():
            mount("tmpfs", str(path), "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV, "size=4k")
    mount("/", "/", None, MS_BIND | MS_REC)
    mount(None, "/", None, MS_BIND | MS_REMOUNT | MS_RDONLY)
    mount("tmpfs", str(workdir), "tmpfs", MS_NOSUID | MS_NODEV, f"size={tmpfs_bytes},mode=0777")
    # /dev/shm and /tmp stay as they are in the namespace: the learner may write there, within rlimits


def apply_rlimits(limits: Limits, level: str) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an oversized write raises EFBIG instead of killing
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 5))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_bytes, limits.file_bytes))
    resource.setrlimit(resource.RLIMIT_NOFILE, (limits.open_files, limits.open_files))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # the address-space cap turns a memory bomb into a prompt MemoryError (the cgroup may swap first)
    resource.setrlimit(resource.RLIMIT_AS, (_address_space_now() + limits.memory_bytes,) * 2)
    if level == PROCESS:  # the cgroup caps tasks at the stronger level
        resource.setrlimit(resource.RLIMIT_NPROC, (_tasks_now() + limits.tasks,) * 2)


def _address_space_now() -> int:
    for line in _read(Path("/proc/self/status")).splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0


def _tasks_now() -> int:
    """Tasks this user runs already: RLIMIT_NPROC counts them all, so the budget goes on top."""
    uid, count = os.getuid(), 0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    count += len(os.listdir(entry / "task"))
            except OSError:
                continue
    return count


def scrub_environment(workdir: Path) -> None:
    tempfile.tempdir = str(workdir)  # the fork server may have cached /tmp, read-only here
    os.environ.clear()
    os.environ.update(
        {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": str(workdir),
            "TMPDIR": str(workdir),
            "LANG": "C.UTF-8",
            "OMP_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
    )
