"""A learner's Python file as the interpreter reads it, and only if it is one of the submission's own.

Python decodes a source file by its coding declaration (``# coding: unicode_escape``) or BOM, not as
UTF-8: a file read as UTF-8 by the grader's analysis but decoded otherwise by the import system showed the
analysis a decoy while other code ran. And the trusted side reads learner files as root: a committed link
(to the references, to ``/proc/self/environ``) or a linked folder would hand the sandbox any file the
grader can read. Every reader of learner source goes through here.
"""

from __future__ import annotations

import importlib.util
import os
import stat
from pathlib import Path

MAX_SOURCE_BYTES = 1 << 20  # a learner's file; larger is no exercise solution


class NotASubmissionFile(OSError):
    """The path is a link, lies outside the submission, is no regular file, or is too large."""


def read_learner(path: Path, root: Path) -> bytes:
    """The bytes of the learner's file ``path`` under ``root``, never through a link."""
    path = Path(path)
    why = _not_own(path, root)
    if why:
        raise NotASubmissionFile(why)
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotASubmissionFile(f"{path.name} is not a regular file")
        if info.st_size > MAX_SOURCE_BYTES:
            raise NotASubmissionFile(f"{path.name} is larger than {MAX_SOURCE_BYTES >> 20} MiB")
        with os.fdopen(os.dup(fd), "rb") as f:
            return f.read(MAX_SOURCE_BYTES + 1)[: MAX_SOURCE_BYTES + 1]
    finally:
        os.close(fd)


def read_python(path: Path, root: Path | None = None) -> str:
    """The text Python compiles from ``path``; with ``root``, only a file of the submission under it
    (NotASubmissionFile, an OSError). SyntaxError or UnicodeDecodeError when Python could not decode it."""
    data = read_learner(path, root) if root is not None else Path(path).read_bytes()
    return importlib.util.decode_source(data)


def is_submission_file(path: Path, root: Path) -> bool:
    """A regular file of the submission itself: not a link, not under a linked folder."""
    return Path(path).is_file() and not _not_own(Path(path), root)


def _not_own(path: Path, root: Path) -> str:
    """Why ``path`` is not one of the submission's own files ("" when it is)."""
    if path.is_symlink():
        return f"{path.name} is a link: only the submission's own files are graded"
    if not path.resolve().is_relative_to(Path(root).resolve()):
        return f"{path.name} is in a linked folder outside the submission: copy it in"
    return ""
