"""Dedicated uids (as root), unique across every grader running on the machine at once.

Each child runs as a uid of its own, which owns no file, so two learners' processes can neither signal
nor trace each other. Numbering them per grader process was not enough: two ``grader score`` runs at once
handed the same uid to two children. A uid is now claimed with an exclusive lock (``flock``) on a file
named after it in a root-only folder, held until the child's processes are reaped; the kernel releases
it if the grader dies (whose children die with it: :func:`grader.sandbox.child.main`).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pwd
import stat
from dataclasses import dataclass
from pathlib import Path

LOCKS = Path("/run/grader-sandbox-uids")


class UidError(OSError):
    """No dedicated uid could be claimed (the lock folder is unsafe, or every uid is taken)."""


@dataclass
class Claim:
    """A uid and gid held by this process until :meth:`release`."""

    uid: int
    fd: int

    @property
    def ids(self) -> tuple[int, int]:
        return self.uid, self.uid

    def release(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)  # closing the only descriptor drops the lock
            self.fd = -1


def claim(first: int, span: int, hint: int, folder: Path = LOCKS) -> Claim:
    """The first free uid of ``first ... first + span - 1``, searched from ``hint`` (spreads graders out)."""
    folder = _safe_folder(folder)
    for k in range(span):
        uid = first + (hint + k) % span
        if _has_account(uid):
            continue
        fd = os.open(folder / str(uid), os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            continue
        return Claim(uid, fd)
    raise UidError(0, f"every dedicated uid from {first} to {first + span - 1} is in use by a grader")


def _has_account(uid: int) -> bool:
    try:
        pwd.getpwuid(uid)
    except KeyError:
        return False
    return True


def _safe_folder(folder: Path) -> Path:
    """The lock folder, created root-only; one that another user could write is refused."""
    with contextlib.suppress(FileExistsError):
        os.mkdir(folder, 0o700)
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid() or info.st_mode & 0o022:
        raise UidError(
            0, f"{folder} must be a folder owned by the grader's user that no one else can write; remove it"
        )
    return folder
