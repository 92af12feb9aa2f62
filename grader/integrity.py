"""The trusted parent runs only code it loaded before any learner code, and proves it was not changed.

:func:`capture` imports every module of the grader (reports included: they would otherwise be imported
after grading, from files learner code might have reached), but the fork servers' start-up scripts, and
takes a digest of everything the parent,
or any later Python process of this installation, can import:

- every file of the installed ``grader`` package, compiled caches included;
- the graded course's installed files: ``course.toml``, its catalog, specs and references;
- what Python runs at start-up: the ``.pth`` files of every site-packages folder (a line starting with
  ``import`` runs in every process), and ``sitecustomize``/``usercustomize`` wherever ``sys.path`` reaches;
  what later processes load by entry point: the listing of each site-packages folder (a new
  distribution) and every distribution's ``entry_points.txt``.

:meth:`Snapshot.verify` takes it again once grading is done, before any report is written: a difference
means a submission wrote where the grader's own code comes from, and no score from this run (nor from
the installation, until it is reinstalled) can be trusted. A folder or file that appears counts as much as
one that changes: a new ``.pth`` is the attack.
"""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
import site
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import grader
from grader.errors import ScoreError

STARTUP_MODULES = ("sitecustomize", "usercustomize")  # imported by site.py when found on sys.path
# grader.sandbox.preload, grader.learner.preload: what a fork server runs once, at its start, in its own
# process (a first grading, the sandbox's plans); never imported here, so not imported to be fingerprinted
# (their files are, like every file of the package). Importing them here cost two seconds a run.
FORK_SERVER_SCRIPT = "preload"


@dataclass(frozen=True)
class Snapshot:
    package: Path
    digests: dict[str, str]
    course_root: Path | None = None
    # the folders looked in for sitecustomize/usercustomize, as sys.path was at capture (a learner's folder
    # that joins sys.path for a moment while its file loads is not where Python starts from)
    path_folders: tuple[Path, ...] = ()

    def changed(self) -> list[str]:
        now = _all_digests(self.package, self.course_root, self.path_folders)
        names = self.digests.keys() | now.keys()
        return sorted(name for name in names if self.digests.get(name) != now.get(name))

    def verify(self) -> None:
        """Raise ScoreError (no report may be written) when anything the parent can import changed since
        capture."""
        changed = self.changed()
        if changed:
            shown = ", ".join(changed[:5]) + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
            raise ScoreError(
                f"Expected the grader's files, the course's and Python's start-up files (.pth,"
                f" sitecustomize) to stay as they were while grading, but {shown} changed: learner code"
                " reached them, so no score from this run is written. Reinstall the grader and the course"
                " (pip install --force-reinstall torch-grader <course>), remove any .pth or sitecustomize"
                " you did not install, and grade at a strong sandbox level (see docs/score.md, 'Isolation')"
            )


def capture(course_root: Path | None = None) -> Snapshot:
    """Import everything the parent will run, then fingerprint the grader, the course at ``course_root``
    (the active course's when None) and Python's start-up files."""
    package = Path(grader.__file__).resolve().parent
    for module in pkgutil.walk_packages([str(package)], prefix="grader."):
        if module.name.rsplit(".", 1)[-1] != FORK_SERVER_SCRIPT:
            importlib.import_module(module.name)
    if course_root is None:
        from grader import course

        course_root = course.active().root
    folders = tuple(path_folders())
    return Snapshot(package, _all_digests(package, course_root, folders), course_root, folders)


def _all_digests(package: Path, course_root: Path | None, folders: Iterable[Path]) -> dict[str, str]:
    digests = {f"grader/{name}": digest for name, digest in _digests(package).items()}
    if course_root is not None:
        digests |= course_digests(course_root)
    digests |= startup_digests(folders)
    return digests


def course_digests(root: Path) -> dict[str, str]:
    """Every file of the course that the parent imports or reads as the truth: course.toml, catalog/,
    specs/, reference/ (followed where it is a link, as the built-in course's is)."""
    root = Path(root)
    digests = {}
    for path in sorted(root.iterdir()) if root.is_dir() else ():
        if path.is_file():  # course.toml, and the package's __init__.py where it is installed as one
            digests[f"course {path}"] = _file_digest(path)
    digests.setdefault(f"course {root / 'course.toml'}", "absent")
    for part in ("catalog", "specs", "reference"):
        folder = (root / part).resolve()
        for name, digest in _digests(folder).items():
            digests[f"course {folder}/{name}"] = digest
    return digests


def startup_digests(folders: Iterable[Path]) -> dict[str, str]:
    """What Python runs before any program: each site-packages folder's .pth files (its listing too, so a
    new one shows), and every sitecustomize/usercustomize module or package in ``folders`` (sys.path's)."""
    digests = {}
    for folder in _site_folders():
        if folder.is_dir():
            entries = sorted(folder.iterdir())
            # the listing: a new .pth, or a new distribution whose entry points a later process loads
            # (pytest plugins, Hypothesis's own, grader.courses)
            digests[f"site {folder}"] = ",".join(p.name for p in entries)
            for path in entries:
                if path.suffix == ".pth":
                    digests[f"site {path}"] = _file_digest(path)
                elif path.suffix == ".dist-info" and (path / "entry_points.txt").is_file():
                    digests[f"site {path}/entry_points.txt"] = _file_digest(path / "entry_points.txt")
        else:
            digests[f"site {folder}"] = "absent"
    for folder in folders:
        for name in STARTUP_MODULES:
            for path in (folder / f"{name}.py", folder / name, *_compiled(folder, name)):
                if path.is_file():
                    digests[f"startup {path}"] = _file_digest(path)
                elif path.is_dir():
                    for inner, digest in _digests(path).items():
                        digests[f"startup {path}/{inner}"] = digest
    return digests


def _site_folders() -> list[Path]:
    """The folders whose .pth files site.py processes: site-packages, and the user's when it is enabled."""
    folders = [*site.getsitepackages(), *([site.getusersitepackages()] if site.ENABLE_USER_SITE else [])]
    return sorted({Path(f) for f in folders if f})


def path_folders() -> Iterable[Path]:
    """The folders of sys.path and the site folders, where site.py looks for sitecustomize."""
    seen = set()
    for entry in [*sys.path, *map(str, _site_folders())]:
        folder = Path(entry or ".").resolve()
        if folder not in seen and folder.is_dir():
            seen.add(folder)
            yield folder


def _compiled(folder: Path, name: str) -> list[Path]:
    """A module's compiled forms beside it (name.pyc, extension modules) and in __pycache__."""
    found = [p for p in folder.glob(f"{name}.*") if p.suffix != ".py"]
    cache = folder / "__pycache__"
    if cache.is_dir():
        found += cache.glob(f"{name}.*")
    return found


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return "absent"
    except OSError as e:
        return f"unreadable ({e.strerror})"


def _digests(package: Path) -> dict[str, str]:
    digests = {}
    if not package.is_dir():
        return digests
    for path in sorted(package.rglob("*")):
        if path.is_file():
            digests[path.relative_to(package).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests
