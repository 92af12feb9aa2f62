"""One spec, two runners: sandboxed and in-process grading give the same verdicts on honest code.

For each exercise: the reference, one wrong submission and one right one, graded both ways with the same
seed; every check's status must agree (the sandbox only adds statuses for faults, which honest code has not).
"""

from pathlib import Path

import pytest

from grader import catalog
from grader.loader import reference_root
from grader.runner import Settings, run_exercise
from grader.sandbox import Sandbox

SUBMISSIONS = Path(__file__).resolve().parents[1] / "submissions"
SETTINGS = Settings(max_examples=10, seed=11)


@pytest.fixture(scope="module")
def sandbox():
    with Sandbox() as box:
        yield box


def trees(exercise: catalog.Exercise, tmp_path: Path) -> dict[str, Path]:
    found = {"reference": reference_root()}
    for prefix in ("wrong", "right"):
        first = sorted((SUBMISSIONS / exercise.id).glob(f"{prefix}_*.py"))[:1]
        for path in first:
            target = tmp_path / prefix / exercise.relpath
            target.parent.mkdir(parents=True)
            target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
            found[path.stem] = tmp_path / prefix
    return found


def verdicts(result) -> tuple:
    return result.status, tuple((c.check, c.status) for c in result.checks), result.score


@pytest.mark.parametrize("exercise", catalog.catalog(), ids=lambda e: e.id)
def test_sandbox_and_in_process_agree(exercise: catalog.Exercise, sandbox: Sandbox, tmp_path: Path) -> None:
    for name, root in trees(exercise, tmp_path).items():
        here = run_exercise(exercise, root, SETTINGS)
        there = run_exercise(exercise, root, SETTINGS, sandbox=sandbox)
        assert verdicts(there) == verdicts(here), name
