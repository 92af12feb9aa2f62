"""Where the learner stands: each exercise's status, from the files themselves and the last verdicts.

An exercise is ``not_started`` while its stub is untouched (seen without running anything), else it has
the last verdict given for its file as it is now, else it is ``unchecked`` (never graded) or ``changed``
(graded, then edited). Course order throughout.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from grader import course
from grader.catalog import Exercise
from grader.learner.state import State
from grader.results import Status
from grader.stubs import is_not_started

# The loop's own statuses, beside grader.results.Status: started, never graded; graded, then edited.
UNCHECKED, CHANGED = "unchecked", "changed"


@dataclass(frozen=True)
class Row:
    exercise: Exercise
    status: str  # a grader.results.Status, or the loop's own UNCHECKED, CHANGED
    score: float = 0.0

    @property
    def done(self) -> bool:
        return self.status == Status.PASSED


def exercises() -> tuple[Exercise, ...]:
    return course.active().exercises


def rows(tree: Path, state: State) -> list[Row]:
    return [row(exercise, tree, state) for exercise in exercises()]


def row(exercise: Exercise, tree: Path, state: State) -> Row:
    path = Path(tree) / exercise.relpath
    if not path.is_file() or is_not_started(exercise, tree):
        return Row(exercise, Status.NOT_STARTED)
    verdict = state.verdict(exercise.id, path)
    if verdict is not None:
        return Row(exercise, verdict.status, verdict.score)
    return Row(exercise, CHANGED if exercise.id in state.verdicts else UNCHECKED)


def first_unfinished(all_rows: Sequence[Row]) -> int | None:
    """The index of the first exercise not passed, in course order (None: everything passes)."""
    return next((i for i, r in enumerate(all_rows) if not r.done), None)


def by_chapter(all_rows: Sequence[Row]) -> Iterator[tuple[str, int, int]]:
    """(chapter, passed, total) in course order."""
    chapters: dict[str, list[Row]] = {}
    for r in all_rows:
        chapters.setdefault(r.exercise.chapter, []).append(r)
    for chapter, members in chapters.items():
        yield chapter, sum(r.done for r in members), len(members)


def nothing_started(all_rows: Sequence[Row]) -> bool:
    return all(r.status == Status.NOT_STARTED for r in all_rows)
