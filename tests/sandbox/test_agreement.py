"""One spec, two runners: sandboxed and in-process grading give the same verdicts on honest code.

For each exercise: the reference, one wrong submission and one right one, graded both ways with the same
seed; every check's status must agree (the sandbox only adds statuses for faults, which honest code has not).
"""

from pathlib import Path

import pytest

from grader import catalog, course
from grader.loader import reference_root
from grader.runner import Settings, load_checks, run_exercise
from grader.sandbox import Sandbox
from grader.spec import Races

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


def verdicts(result, timed: set[str]) -> tuple:
    """Every check's status but the timed ones', then the exercise's status and score. A race's verdict
    depends on the machine's load at that moment (this suite runs beside others: a right answer measured
    17x where 20x is needed, once), so it is left out here and tested in tests/test_timing.py; the outcome
    is compared when both runs' races agree."""
    checks = tuple((c.check, c.status) for c in result.checks if c.check not in timed)
    races = tuple((c.check, c.status) for c in result.checks if c.check in timed)
    return checks, races, (result.status, result.score)


@pytest.mark.parametrize("exercise", course.active().exercises, ids=lambda e: e.id)
def test_sandbox_and_in_process_agree(exercise: catalog.Exercise, sandbox: Sandbox, tmp_path: Path) -> None:
    timed = {c.name for c in load_checks(exercise) if isinstance(c, Races)}
    for name, root in trees(exercise, tmp_path).items():
        here = run_exercise(exercise, root, SETTINGS)
        there = run_exercise(exercise, root, SETTINGS, sandbox=sandbox)
        checks_there, races_there, outcome_there = verdicts(there, timed)
        checks_here, races_here, outcome_here = verdicts(here, timed)
        assert checks_there == checks_here, name
        if races_there == races_here:
            assert outcome_there == outcome_here, name


def test_a_learners_own_valueerror_subclass_is_a_valueerror_in_the_sandbox(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    """The parent never sees the learner's class: it once failed every "rejects ..." check sandboxed only."""
    exercise = course.active().get("matmul")
    source = (
        "class ShapeMismatchNamedOnlyHere(ValueError):\n    pass\n\n\n"
        "def matmul(a, b):\n"
        "    if a.shape[1] != b.shape[0]:\n"
        "        raise ShapeMismatchNamedOnlyHere(f'cannot multiply {tuple(a.shape)} by {tuple(b.shape)}')\n"
        "    return (a.unsqueeze(2) * b.unsqueeze(0)).sum(1)\n"
    )
    target = tmp_path / exercise.relpath
    target.parent.mkdir(parents=True)
    target.write_text(source)
    there = run_exercise(exercise, tmp_path, SETTINGS, sandbox=sandbox)  # first: in-process defines the class
    here = run_exercise(exercise, tmp_path, SETTINGS)
    assert here.score == there.score == exercise.points, [(c.check, c.status) for c in there.checks]
