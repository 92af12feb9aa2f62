"""grader.authoring.facts: a check whose run judges in the learner's process is found, both ways."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from grader import course
from grader.authoring.facts import findings_in
from grader.authoring.soundness import exercise_static

COURSE = course.active().root
HEAD = "import numpy as np\nfrom grader.api import Agrees, Holds, compare\n\n"


def spec(run: str, check: str = "Holds(name='c', run=run, judge=judge, examples=())") -> str:
    return HEAD + run + "\n\ndef judge(case, seen):\n    return None\n\n\nCHECKS = (" + check + ",)\n"


@pytest.mark.parametrize(
    "run",
    [
        "def run(fn, case):\n    t = fn(case['a'])\n    return {'same': bool(np.array_equal(t, case['a']))}",
        "def run(fn, case):\n    return compare(fn(case['a']), case['a'])",
        "def run(fn, case):\n    calls = fn(case['a'])\n    return all(len(c) == 2 for c in calls)",
        "def run(fn, case):\n    return {'small': fn(case['a']) < 1}",
        # the verdict made in a helper the run calls, or in the run a factory returns
        "def helper(x):\n    return x == 1\n\ndef run(fn, case):\n    return helper(fn(case['a']))",
    ],
)
def test_a_run_that_compares_in_the_learners_process_is_an_error(run: str) -> None:
    found = findings_in(spec(run))
    assert found and all(not f.startswith("note") and "learner's process" in f for f in found), found


def test_a_run_made_by_a_factory_is_read_too() -> None:
    source = spec(
        "def only(k):\n    def run(fn, case):\n        return fn(case['a'])[k] == 0\n    return run",
        "Agrees(name='c', run=only('x'), examples=())",
    )
    assert findings_in(source) == ["check 'c': `only` compares values in the learner's process (line 6)"]


@pytest.mark.parametrize(
    "run",
    [
        "def run(fn, case):\n    return fn(case['a'])",
        # comparisons that only steer the run, and identity tests, decide nothing the judge takes
        "def run(fn, case):\n    out = fn(case['a'])\n    if isinstance(out, tuple) and len(out) == 2:\n"
        "        return out[0]\n    return out",
        "def run(fn, case):\n    out = fn(case['a'])\n"
        "    return None if out is None else [x for x in out if x != 0]",
        "def run(fn, case):\n    args = case.args\n"
        "    return [next((i for i, q in enumerate(args) if p is q), -1) for p in args]",
    ],
)
def test_a_run_that_only_observes_is_fine(run: str) -> None:
    assert findings_in(spec(run)) == []


FIXTURE = """
class Sleepy:
    def __init__(self, timed_ms):
        self.timed_ms = timed_ms

def run(fn, case):
    return fn(case['fn'])

def judge(case, answer, *seconds):
    fn = case['fn']
    return None if answer == sum(fn.timed_ms) and case['x'].shape else 'wrong'

CHECKS = (Holds(name='c', run=run, judge=judge, examples=(){clocked}),)
"""


def test_a_judge_reading_the_fixture_learner_code_receives_is_noted_unless_clocked() -> None:
    noted = findings_in(FIXTURE.format(clocked=""))
    assert len(noted) == 1 and noted[0].startswith(
        "note: check 'c': `judge` reads `.timed_ms` off the case's"
    )
    assert findings_in(FIXTURE.format(clocked=", clocked=True")) == []


def test_the_built_in_course_has_no_check_that_judges_in_the_learners_process() -> None:
    for path in sorted((COURSE / "specs").glob("[!_]*.py")):
        errors = [f for f in findings_in(path.read_text()) if not f.startswith("note")]
        assert errors == [], path.name


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("to_tensor_shared", "`write_both_ways` calls `array_equal`"),
        ("time_on_device", "`run_counting` compares values"),
        ("train_digits_classifier", "`observe_training` compares values"),
    ],
)
def test_the_specs_issue_17_found_judging_in_the_child_are_flagged(name: str, says: str) -> None:
    """The versions an attacker beat (before issue 17's fix) are what the finding is for."""
    root = Path(__file__).resolve().parents[2]
    old = subprocess.run(
        ["git", "show", f"8199e3b:course/specs/{name}.py"], cwd=root, capture_output=True, text=True
    )
    if old.returncode != 0:
        pytest.skip("this checkout has no history")
    assert any(says in f for f in findings_in(old.stdout))


TUTORIALS = {t.number: t for t in course.active().tutorials}


def test_grader_check_reports_it_with_the_file_and_the_fix(tmp_path: Path) -> None:
    exercise = course.active().by_id()["to_tensor_shared"]
    root = tmp_path / "course"
    for part in ("specs", "exercises", "reference"):
        (root / part).mkdir(parents=True)
    (root / "specs" / "to_tensor_shared.py").write_text(
        spec("def run(fn, case):\n    return bool(np.array_equal(fn(case['a']), case['a']))")
    )
    found = [
        f
        for f in exercise_static(exercise, root, TUTORIALS, None, with_samples=False)
        if "learner's process" in f.text
    ]
    assert [f.level for f in found] == ["error"]
    assert found[0].text.startswith("specs/to_tensor_shared.py: check 'c': `run` calls `array_equal`")
    assert "compare them in the judge" in found[0].text
