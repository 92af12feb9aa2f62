"""The Linux calls the sandbox makes, through ctypes: namespaces, mounts, capabilities, prctl.

Thin on purpose: each function makes one call and raises :class:`KernelError` (an OSError with the errno
and what was attempted) when it fails; the policy lives in :mod:`grader.sandbox.confine`.
"""

from __future__ import annotations

import ctypes
import os
import platform
import signal
from functools import cache
from pathlib import Path

CLONE_NEWNS, CLONE_NEWCGROUP, CLONE_NEWUTS, CLONE_NEWIPC = 0x00020000, 0x02000000, 0x04000000, 0x08000000
CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET = 0x10000000, 0x20000000, 0x40000000

MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_NOATIME, MS_NODIRATIME, MS_BIND = 32, 1024, 2048, 4096
MS_REC, MS_PRIVATE, MS_RELATIME = 16384, 1 << 18, 1 << 21
MNT_DETACH = 2

MOUNT_ATTR_RDONLY, MOUNT_ATTR_NOSUID, MOUNT_ATTR_NODEV = 0x1, 0x2, 0x4
AT_FDCWD, AT_RECURSIVE = -100, 0x8000

PR_SET_PDEATHSIG, PR_SET_DUMPABLE, PR_CAPBSET_DROP = 1, 4, 24
PR_SET_NO_NEW_PRIVS, PR_GET_NO_NEW_PRIVS = 38, 39
PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 47, 4
LINUX_CAPABILITY_VERSION_3 = 0x20080522

# the calls Python's os module lacks, by architecture
SYSCALLS = {
    "x86_64": {"pivot_root": 155, "mount_setattr": 442, "capset": 126},
    "aarch64": {"pivot_root": 41, "mount_setattr": 442, "capset": 91},
}


class KernelError(OSError):
    pass


class MountAttr(ctypes.Structure):
    _fields_ = [
        ("attr_set", ctypes.c_uint64),
        ("attr_clr", ctypes.c_uint64),
        ("propagation", ctypes.c_uint64),
        ("userns_fd", ctypes.c_uint64),
    ]


class CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class CapData(ctypes.Structure):
    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


@cache
def libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def _check(result: int, what: str) -> int:
    if result < 0:
        code = ctypes.get_errno()
        raise KernelError(code, f"{what}: {os.strerror(code)}")
    return result


def _syscall(name: str, *args: object) -> int:
    numbers = SYSCALLS.get(platform.machine())
    if numbers is None:
        raise KernelError(38, f"{name}: unsupported architecture {platform.machine()}")
    return libc().syscall(numbers[name], *args)


def unshare(flags: int) -> None:
    _check(libc().unshare(flags), "unshare")


def mount(source: str | None, target: str | Path, fstype: str | None, flags: int, data: str | None = None):
    enc = [None if s is None else str(s).encode() for s in (source, target, fstype, data)]
    _check(libc().mount(enc[0], enc[1], enc[2], ctypes.c_ulong(flags), enc[3]), f"mount {target}")


def umount(target: str | Path, flags: int = MNT_DETACH) -> None:
    _check(libc().umount2(str(target).encode(), flags), f"umount {target}")


def pivot_root(new_root: str, put_old: str) -> None:
    _check(_syscall("pivot_root", new_root.encode(), put_old.encode()), "pivot_root")


def set_mount_attributes(path: str | Path, attributes: int) -> None:
    """Add ``attributes`` (MOUNT_ATTR_*) to the mount at ``path`` and to every mount below it."""
    attr = MountAttr(attributes, 0, 0, 0)
    result = _syscall(
        "mount_setattr", AT_FDCWD, str(path).encode(), AT_RECURSIVE, ctypes.byref(attr), ctypes.sizeof(attr)
    )
    _check(result, f"mount_setattr {path}")


def prctl(option: int, arg: int = 0) -> int:
    return _check(libc().prctl(option, ctypes.c_ulong(arg), 0, 0, 0), f"prctl({option})")


def last_capability() -> int:
    try:
        return int(Path("/proc/sys/kernel/cap_last_cap").read_text())
    except (OSError, ValueError):
        return 40


def drop_capabilities_bounding() -> None:
    """Empty the bounding and ambient sets: no exec can ever bring a capability back."""
    for cap in range(last_capability() + 1):
        _check(libc().prctl(PR_CAPBSET_DROP, ctypes.c_ulong(cap), 0, 0, 0), f"drop capability {cap}")
    _check(libc().prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0), "clear ambient capabilities")


def drop_capabilities() -> None:
    """Empty the effective, permitted and inheritable sets."""
    header, data = CapHeader(LINUX_CAPABILITY_VERSION_3, 0), (CapData * 2)()
    _check(_syscall("capset", ctypes.byref(header), ctypes.byref(data)), "capset")


def capabilities_now() -> dict[str, int]:
    """The capability sets of this process, from /proc/self/status (CapEff, CapPrm, CapBnd, ...)."""
    sets = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("Cap"):
            name, value = line.split(":")
            sets[name] = int(value.strip(), 16)
    return sets


def no_new_privileges() -> None:
    prctl(PR_SET_NO_NEW_PRIVS, 1)


def die_with_parent() -> None:
    """SIGKILL this process when its parent dies. The caller must then check that the parent is still
    the one it expects (it may have died before this call); a change of uid clears the setting."""
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def set_dumpable(dumpable: bool) -> None:
    """A non-dumpable process's /proc files belong to root and it cannot be traced by its own uid."""
    prctl(PR_SET_DUMPABLE, int(dumpable))


def write_id_maps(uid: int, gid: int, pid: str = "self") -> None:
    """Map ``uid``/``gid`` to themselves in a user namespace just entered (all an unprivileged one allows)."""
    Path(f"/proc/{pid}/setgroups").write_text("deny")
    Path(f"/proc/{pid}/uid_map").write_text(f"{uid} {uid} 1")
    Path(f"/proc/{pid}/gid_map").write_text(f"{gid} {gid} 1")
