"""What tests/test_golden.py compares: each graded file's exercise status, score and check statuses.

Timed races are left out: their verdict rests on a measurement (passed or, on a noisy machine,
inconclusive), which no refactor is asked to reproduce.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from grader import catalog, course
from grader.loader import reference_root
from grader.runner import Settings, run_exercise

ROOT = Path(__file__).resolve().parents[2]
SUBMISSIONS = ROOT / "tests" / "submissions"
SETTINGS = Settings(max_examples=12, seed=20261201)
TIMED = {"faster_than_python_loop", "cuda_faster_than_numpy"}


def cases() -> Iterator[tuple[str, catalog.Exercise, Path]]:
    """(name, exercise, source file): every exercise's reference, then every sample submission."""
    for exercise in course.active().exercises:
        yield f"reference/{exercise.id}", exercise, reference_root() / exercise.relpath
    for path in sorted(SUBMISSIONS.glob("*/*.py")):
        yield f"{path.parent.name}/{path.stem}", course.active().get(path.parent.name), path


def verdicts(exercise: catalog.Exercise, source: Path, scratch: Path) -> dict:
    if source.is_relative_to(reference_root()):
        root = reference_root()
    else:
        root = scratch / source.parent.name
        target = root / exercise.relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_exercise(exercise, root, SETTINGS)
    timed = any(c.check in TIMED and c.status != "skipped" for c in result.checks)
    return {
        "status": result.status,
        "score": None if timed else result.score,  # a race's verdict moves the score: not compared
        "checks": {c.check: c.status for c in result.checks if c.check not in TIMED},
    }
