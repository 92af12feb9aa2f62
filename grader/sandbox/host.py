"""What this machine offers the sandbox, found by trying it (never assumed), and the plan that follows.

:func:`probe` forks a throwaway process that attempts what a child will do: new namespaces (as root, or
inside a user namespace as an ordinary user), a mount in them, one more locking user namespace. With
the cgroups found (:mod:`grader.sandbox.cgroups`) and libseccomp, that gives a :class:`Plan`: the level,
each mechanism in force, and, for whatever is missing, what it takes to get it. Reports record it.
"""

from __future__ import annotations

import contextlib
import os
import resource
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from grader.sandbox import cgroups, confine, kernel, seccomp

APPARMOR_USERNS = Path("/proc/sys/kernel/apparmor_restrict_unprivileged_userns")
UNPRIVILEGED_USERNS = Path("/proc/sys/kernel/unprivileged_userns_clone")
MAX_USER_NAMESPACES = Path("/proc/sys/user/max_user_namespaces")


@dataclass(frozen=True)
class Plan:
    """The level the sandbox runs at, and how: what reports show under ``sandbox``."""

    level: str
    as_root: bool
    seccomp: str  # "libseccomp 2.5.4", or "none" and why
    cgroup: cgroups.Host | None = None
    cgroup_note: str = ""
    locking: bool = False  # a further user namespace can lock the mounts
    missing: tuple[str, ...] = field(default_factory=tuple)  # why not stronger, and how to get it
    # RLIMIT_NPROC caps the learner's tasks: counted for its dedicated uid (as root), or within its own
    # user namespace (kernel 5.14+, found by trying); at the process level, over all of the user's tasks
    tasks_rlimit: bool = False

    @property
    def protects_score(self) -> bool:
        """Learner code can neither write the grader's files nor read its environment or memory."""
        return self.level in confine.STRONG

    def mechanisms(self) -> dict[str, Any]:
        """Plain data for reports: each mechanism in force, in words a course's staff can check."""
        if self.level == confine.NAMESPACES:
            identity = (
                "a dedicated uid per exercise, which owns no file"
                if self.as_root
                else "the grader's uid, inside a user namespace, on read-only locked mounts"
            )
            namespaces = ["mount", "pid", "net", "ipc", "uts", "cgroup"]
            if not self.as_root:
                namespaces.insert(0, "user")
            files = "a new root: system libraries, Python and its packages, the submission; read-only" + (
                ", locked" if self.locking else ""
            )
        elif self.level == confine.UID:
            identity, namespaces = "a dedicated uid per exercise, which owns no file", []
            files = "the whole file system, through its permissions, as that uid"
        else:
            identity, namespaces = "the grader's own uid", []
            files = "the whole file system, as the grader's user (its files are writable)"
        return {
            "identity": identity,
            "namespaces": namespaces,
            "file_system": files,
            "capabilities": "none (every set empty)" if self.level in confine.STRONG else "none",
            "no_new_privs": True,
            "seccomp": self.seccomp,
            "cgroup": self.cgroup.describe() if self.cgroup else f"none ({self.cgroup_note})",
            "rlimits": "cpu, address space, file size, open files, core"
            + (", processes" if self.tasks_rlimit else ""),
        }


def probe(cgroup_host: tuple[cgroups.Host | None, str] | None = None) -> Plan:
    """Find the strongest level this process can give its children (forks a short-lived probe)."""
    as_root = os.geteuid() == 0
    namespaces, locking, tasks_in_namespace, why = _try_namespaces(as_root)
    if namespaces:
        level = confine.NAMESPACES
    elif as_root:
        level = confine.UID
    else:
        level = confine.PROCESS
    missing = [] if namespaces else [why]
    filter_note = seccomp.version() if seccomp.available() else "none: libseccomp is not installed"
    if not seccomp.available():
        missing.append("seccomp: install libseccomp (Debian/Ubuntu: libseccomp2)")
    host, note = cgroup_host if cgroup_host is not None else cgroups.find()
    tasks_rlimit = as_root or level == confine.PROCESS or tasks_in_namespace
    if host is None and not tasks_rlimit:
        missing.append(NO_TASK_CAP)
    return Plan(level, as_root, filter_note, host, note, locking, tuple(missing), tasks_rlimit)


NO_TASK_CAP = (
    "processes: nothing caps the learner's tasks here (no cgroup, and this kernel counts RLIMIT_NPROC over"
    " all of the user's processes); delegate a cgroup (systemd-run --user --scope -p Delegate=yes grader"
    " score ...), use a kernel 5.14 or newer, or grade as root"
)


@cache
def _try_namespaces(as_root: bool) -> tuple[bool, bool, bool, str]:
    """(namespaces work, a locking user namespace works, RLIMIT_NPROC counts the tasks of that namespace
    alone, why not) for a child of this process."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the probe: only system calls, then _exit
        os.close(read)
        result = b"n"
        with contextlib.suppress(BaseException):
            confine.enter_namespaces(as_root)
            kernel.mount(None, "/", None, kernel.MS_REC | kernel.MS_PRIVATE)
            kernel.mount("tmpfs", "/tmp", "tmpfs", kernel.MS_NOSUID | kernel.MS_NODEV, "size=4k")
            result = b"y"
            confine.enter_locking_namespaces()
            result = b"l"
            if not as_root and _tasks_capped_in_namespace():
                result = b"t"
        with contextlib.suppress(BaseException):
            os.write(write, result)
        os._exit(0)
    os.close(write)
    answer = os.read(read, 1)
    os.close(read)
    os.waitpid(pid, 0)
    if answer in (b"y", b"l", b"t"):
        return True, answer in (b"l", b"t"), answer == b"t", ""
    return False, False, False, _why_no_namespaces(as_root)


def _tasks_capped_in_namespace() -> bool:
    """(In the probe, in its own user namespace.) With RLIMIT_NPROC at 2, one fork must work and the
    next fail: the count is this namespace's (1, then 2), not all of the user's processes (kernel 5.14+).
    """
    resource.setrlimit(resource.RLIMIT_NPROC, (2, 2))
    hold_read, hold_write = os.pipe()
    first = os.fork()
    if first == 0:
        os.close(hold_write)
        os.read(hold_read, 1)  # alive until the second fork was tried
        os._exit(0)
    try:
        second = os.fork()
    except BlockingIOError:
        second = -1
    if second == 0:
        os._exit(0)
    os.close(hold_write)
    os.waitpid(first, 0)
    if second > 0:
        os.waitpid(second, 0)
    return second == -1


def _why_no_namespaces(as_root: bool) -> str:
    if as_root:
        return (
            "namespaces: refused here (a container without CAP_SYS_ADMIN?); run the grader's container with"
            " --cap-add SYS_ADMIN --security-opt seccomp=unconfined, or accept the uid level"
        )
    if _read(APPARMOR_USERNS) == "1":
        return (
            "namespaces: AppArmor restricts unprivileged user namespaces (Ubuntu 23.10+); run"
            " `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`, or grade as root"
        )
    if _read(UNPRIVILEGED_USERNS) == "0" or _read(MAX_USER_NAMESPACES) == "0":
        return (
            "namespaces: unprivileged user namespaces are disabled; run `sudo sysctl -w"
            " kernel.unprivileged_userns_clone=1 user.max_user_namespaces=15000`, or grade as root"
        )
    return "namespaces: this user may not create user namespaces here (a container?); grade as root"


def _read(path: Path) -> str:
    try:
        return path.read_text().strip()
    except OSError:
        return ""
