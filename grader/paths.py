"""How a message shows a path: the way the user would type it from where they stand."""

from __future__ import annotations

from pathlib import Path


def shown(path: Path | str) -> str:
    """``path`` relative to the current directory when it is inside it, else in full.

    >>> import os
    >>> shown(Path(os.getcwd()) / "course" / "catalog")
    'course/catalog'
    >>> shown("/elsewhere/course")
    '/elsewhere/course'
    """
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix() or "."
    except ValueError:
        return str(path)
