"""How the process that runs learner code is confined (Linux), at the strongest level the machine allows.

Three levels, chosen by :mod:`grader.sandbox.host` and recorded in every report with each mechanism:

- ``namespaces``: new user (as an ordinary user), mount, PID, network, IPC, UTS and cgroup namespaces; a
  new root holding only the interpreter, its libraries, the learner's file and scratch space, read-only
  (:mod:`grader.sandbox.filesystem`); the learner then enters one more user and mount namespace of its
  own, which **locks** those mounts (the kernel refuses to make a locked mount writable or to unmount
  it, whatever capabilities the process gets back), and drops every capability. As root, it also
  becomes a **dedicated uid** that owns no file on the machine.
- ``uid`` (root, where namespaces are refused, e.g. some containers): a dedicated uid, no capabilities
  (bounding set emptied); the file system is seen through its permissions only.
- ``process`` (an ordinary user without user namespaces): the grader's own uid. Learner code could then
  write the grader's files and signal it: :mod:`grader.score` refuses this level for untrusted code
  unless told ``--allow-weak-isolation``.

At every level: ``no_new_privs``, a seccomp filter (:mod:`grader.sandbox.seccomp`), rlimits, a scrubbed
environment, no inherited file descriptors, a cgroup where one can be had (:mod:`grader.sandbox.cgroups`).
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import tempfile
from dataclasses import dataclass
from pathlib import Path

from grader.sandbox import kernel, seccomp, uids

NAMESPACES, UID, PROCESS = "namespaces", "uid", "process"
STRONG = (NAMESPACES, UID)  # the levels at which learner code can neither write the grader's files
# nor read its memory or environment (what grader score requires for untrusted code)

OUTER_NAMESPACES = (
    kernel.CLONE_NEWNS | kernel.CLONE_NEWPID | kernel.CLONE_NEWNET | kernel.CLONE_NEWIPC | kernel.CLONE_NEWUTS
)
DEDICATED_BASE = 0x7E000000  # uids from here on are the sandbox's own (2113929216 ...)
DEDICATED_SPAN = 1 << 16


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


# -- identities ------------------------------------------------------------------------------------------


def dedicated_ids(number: int) -> uids.Claim:
    """A uid and gid of the sandbox's own for child ``number`` (root only): mapped in this user
    namespace, held by no account, one per child so two learners' processes cannot signal each other,
    claimed until released (:mod:`grader.sandbox.uids`), so no other grader hands it out meanwhile."""
    start, span = _mapped_range()
    return uids.claim(start, span, hint=number)


def _mapped_range() -> tuple[int, int]:
    """The dedicated range, inside the uids this (possibly containerised) root may use."""
    ranges = []
    try:
        for line in Path("/proc/self/uid_map").read_text().splitlines():
            inside, _, count = (int(x) for x in line.split())
            ranges.append((inside, count))
    except (OSError, ValueError):
        ranges = [(0, 1 << 32)]
    inside, count = max(ranges, key=lambda r: r[1])
    if inside <= DEDICATED_BASE and inside + count >= DEDICATED_BASE + DEDICATED_SPAN:
        return DEDICATED_BASE, DEDICATED_SPAN
    span = min(DEDICATED_SPAN, max(count // 4, 1))  # a container's smaller map: its top quarter
    return inside + count - span - 1, span


# -- the stages, in the order the child runs them ---------------------------------------------------------


def enter_namespaces(as_root: bool) -> None:
    """In the outer child: new namespaces; the next fork becomes the PID namespace's init.

    An ordinary user first creates a user namespace (in which it holds the capabilities to mount), mapping
    only its own uid and gid, as the kernel allows any user to.
    """
    if as_root:
        kernel.unshare(OUTER_NAMESPACES | kernel.CLONE_NEWCGROUP)
        return
    uid, gid = os.getuid(), os.getgid()
    kernel.unshare(kernel.CLONE_NEWUSER | OUTER_NAMESPACES | kernel.CLONE_NEWCGROUP)
    kernel.write_id_maps(uid, gid)


def enter_locking_namespaces() -> None:
    """In the learner, once the file system is built: a user and mount namespace of its own, owned by a
    less privileged user namespace, so every mount it inherits is locked (cannot be made writable, nor
    unmounted to see what is under it). :func:`map_locked_identity` (in the init) maps it."""
    kernel.unshare(kernel.CLONE_NEWUSER | kernel.CLONE_NEWNS)


def map_locked_identity(pid: int, uid: int, gid: int) -> None:
    """In the init, for the learner ``pid``: map its new user namespace to ``uid``/``gid`` only."""
    Path(f"/proc/{pid}/uid_map").write_text(f"{uid} {uid} 1")
    Path(f"/proc/{pid}/gid_map").write_text(f"{gid} {gid} 1")


def drop_privileges(uid: int | None, gid: int | None) -> None:
    """No capabilities left in any set (bounding and ambient included); become ``uid``/``gid`` if given."""
    kernel.drop_capabilities_bounding()
    if gid is not None:
        os.setresgid(gid, gid, gid)
    if uid is not None:
        os.setresuid(uid, uid, uid)
    kernel.drop_capabilities()


def restrict(filter: seccomp.Filter | None) -> None:
    """The last step before learner code: no privilege can be gained by exec, and the seccomp filter."""
    kernel.no_new_privileges()
    if filter is not None:
        filter.load()


OWN_TASKS = 8  # at the namespaces level the outer child and the init count too (and their threads)


def apply_rlimits(limits: Limits, level: str, tasks_rlimit: bool = False) -> None:
    """The limits on learner code; with ``tasks_rlimit``, RLIMIT_NPROC caps its tasks (its count is then
    the learner's own: its dedicated uid's, or its user namespace's, :class:`grader.sandbox.host.Plan`)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an oversized write raises EFBIG instead of killing
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 5))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_bytes, limits.file_bytes))
    resource.setrlimit(resource.RLIMIT_NOFILE, (limits.open_files, limits.open_files))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # the address-space cap turns a memory bomb into a prompt MemoryError (the cgroup may swap first)
    resource.setrlimit(resource.RLIMIT_AS, (_address_space_now() + limits.memory_bytes,) * 2)
    if level == PROCESS:  # counted over all of the user's tasks: the budget goes on top
        resource.setrlimit(resource.RLIMIT_NPROC, (_tasks_now() + limits.tasks,) * 2)
    elif tasks_rlimit:  # with a cgroup too: one cap more, at every level
        resource.setrlimit(resource.RLIMIT_NPROC, (limits.tasks + OWN_TASKS,) * 2)


def close_inherited_files(keep: set[int]) -> None:
    """Close every descriptor but ``keep`` (and 0-2): one left open on a directory or a socket outside the
    new root would lead back out of it."""
    devnull = os.open("/dev/null", os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    for fd in sorted(int(name) for name in os.listdir("/proc/self/fd") if name.isdigit()):
        if fd > 2 and fd not in keep:
            with contextlib.suppress(OSError):
                os.close(fd)


def scrub_environment(workdir: Path) -> None:
    tempfile.tempdir = str(workdir)  # the fork server may have cached a /tmp the learner cannot write
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


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:
        return ""
