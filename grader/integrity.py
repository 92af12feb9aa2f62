"""The trusted parent runs only code it loaded before any learner code, and proves it was not changed.

:func:`capture` imports every module of the grader (reports included: they would otherwise be imported
after grading, from files learner code might have reached) and takes a digest of every file of the
installed package, compiled caches included. :meth:`Snapshot.verify` takes it again once grading is
done, before any report is written: a difference means a submission wrote the grader's files, and no
score from this run (nor from the installation, until it is reinstalled) can be trusted.
"""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
from dataclasses import dataclass
from pathlib import Path

import grader
from grader.errors import ScoreError


@dataclass(frozen=True)
class Snapshot:
    package: Path
    digests: dict[str, str]

    def changed(self) -> list[str]:
        now = _digests(self.package)
        names = self.digests.keys() | now.keys()
        return sorted(name for name in names if self.digests.get(name) != now.get(name))

    def verify(self) -> None:
        """Raise ScoreError (no report may be written) when any file of the grader changed since capture."""
        changed = self.changed()
        if changed:
            shown = ", ".join(changed[:5]) + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
            raise ScoreError(
                f"Expected the grader's files to stay as they were while grading, but {shown} changed under "
                f"{self.package}: learner code reached the grader, so no score from this run is written. "
                "Reinstall the grader (pip install --force-reinstall torch-grader) and grade at a strong "
                "sandbox level (see docs/score.md, 'Isolation')"
            )


def capture() -> Snapshot:
    """Import everything the parent will run, then fingerprint the installed package."""
    package = Path(grader.__file__).resolve().parent
    for module in pkgutil.walk_packages([str(package)], prefix="grader."):
        importlib.import_module(module.name)
    return Snapshot(package, _digests(package))


def _digests(package: Path) -> dict[str, str]:
    digests = {}
    for path in sorted(package.rglob("*")):
        if path.is_file():
            digests[path.relative_to(package).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests
