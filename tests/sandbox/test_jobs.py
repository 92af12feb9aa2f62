"""grader score with several workers (grader.workers) gives the report one process gives.

Run by tests/sandbox/test_unprivileged.py as an ordinary user too: each worker sets up a sandbox of its own
(its own cgroup leaf, uid claims and fork server) beside the others.
"""

from pathlib import Path

import pytest

from grader import course
from grader.errors import ScoreError
from grader.score import grade_tree
from grader.settings import RunConfig, Settings

SUBMISSIONS = Path(__file__).resolve().parents[1] / "submissions"
CONFIG = RunConfig(Settings(max_examples=8, seed=5), "local")
# right and wrong samples, one whose process exits, and a timed race (graded last, alone)
GRADED = ("matmul", "broadcast_add", "patchify", "standardize", "pairwise_sq_distances")
WRONG = ("broadcast_add", "standardize")
EXITS = "import os\n\n\ndef patchify(img, p):\n    os._exit(3)\n"
TIMED = {"faster_than_python_loop"}


def tree(tmp_path: Path) -> Path:
    root = tmp_path / "tree"
    for exercise_id in GRADED:
        exercise = course.active().get(exercise_id)
        kind = "wrong" if exercise_id in WRONG else "right"
        source = sorted((SUBMISSIONS / exercise_id).glob(f"{kind}_*.py"))[0]
        text = EXITS if exercise_id == "patchify" else source.read_text(encoding="utf-8")
        target = root / exercise.relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


def seen(report) -> list:
    """What a report says, less what a clock decides (durations, a race's verdict and timings)."""
    return [
        (e.id, e.status, e.message, [(c.name, c.status, c.message) for c in e.checks if c.name not in TIMED])
        for e in report.exercises
    ]


def test_two_workers_report_what_one_process_reports(tmp_path: Path) -> None:
    root = tree(tmp_path)
    shown: list[str] = []
    together = grade_tree(root, list(GRADED), CONFIG, "en", on_exercise=lambda e: shown.append(e.id), jobs=2)
    alone = grade_tree(root, list(GRADED), CONFIG, "en", jobs=1)
    assert seen(together) == seen(alone)
    assert shown == [e.id for e in course.active().exercises if e.id in GRADED]  # course order
    assert together.sandbox["level"] == alone.sandbox["level"] == together.isolation
    statuses = {e.id: e.status for e in together.exercises}
    assert (statuses["broadcast_add"], statuses["patchify"], statuses["matmul"]) == (
        "failed",
        "exited",
        "passed",
    )


def test_workers_refuse_a_weak_sandbox_as_one_process_does(tmp_path: Path) -> None:
    with pytest.raises(ScoreError, match="allow-weak-isolation"):
        grade_tree(tree(tmp_path), ["matmul", "broadcast_add"], CONFIG, "en", level="process", jobs=2)
