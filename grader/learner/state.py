"""What the loop remembers between runs, in a small file of the learner's repository that git ignores.

``.grader-state/state.json`` holds, per exercise, how many hints were revealed and the last verdict (with
the digest of the file it was given for, so a verdict is never shown for code that has changed since).
The folder carries its own ``.gitignore`` (``*``): nothing to add to the learner's.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from grader.results import Status

FOLDER = ".grader-state"
VERSION = 1


@dataclass
class Verdict:
    """The last grading of an exercise, as plain data (also what the worker sends back)."""

    status: str  # a grader status (passed, failed, not_started, error, timeout, crashed, exited, ...)
    score: float = 0.0
    max_score: float = 0.0
    feedback: str = ""  # what the learner reads, rendered in their language
    output: str = ""  # what the learner's code printed
    seconds: float = 0.0
    digest: str = ""  # of the exercise file it was given for

    @property
    def passed(self) -> bool:
        return self.status == Status.PASSED


@dataclass
class State:
    path: Path
    hints: dict[str, int] = field(default_factory=dict)
    verdicts: dict[str, Verdict] = field(default_factory=dict)

    @classmethod
    def load(cls, repository: Path) -> State:
        """The state of the learner's repository (empty if there is none, or it is unreadable)."""
        path = Path(repository) / FOLDER / "state.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            verdicts = {k: Verdict(**v) for k, v in data.get("verdicts", {}).items()}
            return cls(path, dict(data.get("hints", {})), verdicts)
        except (OSError, ValueError, TypeError):
            return cls(path)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        ignore = self.path.parent / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# grader's local state: never committed\n*\n", encoding="utf-8")
        data: dict[str, Any] = {"version": VERSION, "hints": self.hints}
        data["verdicts"] = {k: asdict(v) for k, v in self.verdicts.items()}
        fd, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".state-")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
        os.replace(temporary, self.path)

    def verdict(self, exercise_id: str, file: Path) -> Verdict | None:
        """The last verdict, if it was given for the file as it is now."""
        found = self.verdicts.get(exercise_id)
        return found if found is not None and found.digest == digest(file) else None

    def reveal_hint(self, exercise_id: str, available: int) -> int:
        """One more hint revealed (up to ``available``); how many are revealed now."""
        shown = min(self.hints.get(exercise_id, 0) + 1, available)
        self.hints[exercise_id] = shown
        return shown


def digest(file: Path) -> str:
    try:
        return hashlib.sha256(Path(file).read_bytes()).hexdigest()[:16]
    except OSError:
        return ""


def repository_of(tree: Path) -> Path:
    """Where the learner's repository starts: the folder holding the exercises folder."""
    return Path(tree).resolve().parent
