"""Correct solutions that compute in another legitimate order get full marks under 20 seeds, in both
runners, with the same verdict (issue 19, part 2).

Every file ``<exercise>/right_*.py`` beside this one is a correct learner file whose order of computation
differs from the reference's (a contiguous copy, float64 accumulation, a fused op, another formula), on
the ill-conditioned inputs the strategies reach (BatchNorm over identical rows, a variance of 0, large
logits, near points, long rollouts). Each is graded on its exercise's value checks (``Agrees``: the ones
a tolerance decides) under seeds 0..19:

- by ``pytest <tree>`` with the grader plugin: one subprocess runs pytest once per seed (pytest.main in a
  loop, so torch is imported once) over trees holding every solution;
- by ``grader score``'s path: the learner's code in a sandboxed child, judged by run_check on the
  trusted side (one child per solution, for every seed).

Examples per check and seed: EXAMPLES, after the check's fixed examples; 20 seeds make 40 drawn inputs
per check (a check that sets its own max_examples, as train_step's do, keeps it). The cost is what the
suite can afford: about a minute of CPU for both runners together.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from grader import course
from grader.runner import Settings, load_checks, load_reference, new_evidence_log, run_check
from grader.sandbox import Sandbox
from grader.spec import Agrees

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOLUTIONS = sorted(HERE.glob("*/right_*.py"))
SEEDS = range(20)
EXAMPLES = 2

# Runs in a subprocess: pytest with the grader plugin, once per seed, over the trees; prints what each
# item's grader status was (its user property), per seed, as JSON.
DRIVER = """
import gc, json, sys
import pytest

seeds, examples, checks, trees = json.loads(sys.argv[1])


class Keep:
    def __init__(self):
        self.paths, self.statuses = {}, {}

    def pytest_collection_modifyitems(self, items):
        items[:] = [i for i in items if i.name in checks.get(i.exercise.id, ())]
        self.paths = {i.nodeid: str(i.path) for i in items}

    def pytest_runtest_logreport(self, report):
        status = dict(report.user_properties).get("grader_status")
        if report.when == "call" and status is not None:
            self.statuses[self.paths[report.nodeid] + "::" + report.nodeid.split("::")[-1]] = status


found = {}
for seed in seeds:
    keep = Keep()
    args = ["-p", "grader.plugin", "-p", "no:cacheprovider", "-q", "--grader-max-examples", str(examples),
            "--grader-seed", str(seed), *trees]
    pytest.main(args, plugins=[keep])
    gc.enable()  # the plugin pauses the collector for its run
    found[seed] = keep.statuses
print("FOUND" + json.dumps(found))
"""


def value_checks(exercise_id: str) -> list[str]:
    checks = load_checks(course.active().get(exercise_id))
    return [c.name for c in checks if isinstance(c, Agrees) and not c.hidden]


def test_every_solution_says_what_order_it_computes_in() -> None:
    assert len(SOLUTIONS) >= 15
    for path in SOLUTIONS:
        assert course.active().get(path.parent.name).id == path.parent.name
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith('"""') and len(first) > 20, f"{path.name}: start with a docstring"
        assert value_checks(path.parent.name), f"{path.parent.name} has no value check to be fair in"


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, tuple[str, str]]:
    """Each solution in a tree of its own: its file → (exercise id, solution name)."""
    base = tmp_path_factory.mktemp("fairness")
    placed = {}
    for i, path in enumerate(SOLUTIONS):
        exercise = course.active().get(path.parent.name)
        target = base / f"s{i:02d}" / exercise.relpath
        target.parent.mkdir(parents=True)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        placed[target] = (exercise.id, path.stem)
    return placed


def by_pytest(placed: dict[Path, tuple[str, str]], seeds: list[int]) -> dict[int, dict[str, str]]:
    """Per seed: ``<exercise>/<solution>::<check>`` → the grader status pytest reported."""
    checks = {exercise_id: value_checks(exercise_id) for exercise_id, _ in placed.values()}
    roots = sorted(str(path.parent.parent) for path in placed)
    argument = json.dumps([seeds, EXAMPLES, checks, roots])
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, argument], capture_output=True, text=True, cwd=ROOT, timeout=600
    )
    line = next((x for x in done.stdout.splitlines() if x.startswith("FOUND")), None)
    assert line is not None, done.stdout[-3000:] + done.stderr[-3000:]
    names = {str(path): f"{eid}/{name}" for path, (eid, name) in placed.items()}
    found = {}
    for seed, statuses in json.loads(line[len("FOUND") :]).items():
        found[int(seed)] = {}
        for item, status in statuses.items():
            file, check = item.split("::", 1)
            found[int(seed)][f"{names[file]}::{check}"] = status
    return found


def by_score(placed: dict[Path, tuple[str, str]], seeds: list[int]) -> dict[int, dict[str, str]]:
    """The same, judged as ``grader score`` judges: the learner's code in a sandboxed child, each check
    through run_check against the trusted reference. One child per solution serves every seed (a child
    per exercise and seed would cost more than the grading)."""
    found: dict[int, dict[str, str]] = {seed: {} for seed in seeds}
    with Sandbox() as sandbox:
        for path, (exercise_id, name) in placed.items():
            exercise = course.active().get(exercise_id)
            reference = load_reference(exercise)
            checks = [c for c in load_checks(exercise) if c.name in value_checks(exercise_id)]
            learner = sandbox.load(exercise, path.parent.parent)
            try:
                for seed in seeds:
                    settings = Settings(max_examples=EXAMPLES, seed=seed)
                    evidence = new_evidence_log(learner)
                    for check in checks:
                        result = run_check(check, learner, reference, settings, evidence)
                        found[seed][f"{exercise_id}/{name}::{check.name}"] = result.status.value
            finally:
                learner.close()
    return found


@pytest.mark.parametrize("seeds", [list(SEEDS)[:10], list(SEEDS)[10:]], ids=["seeds0-9", "seeds10-19"])
def test_other_orders_get_full_marks_in_both_runners(trees, seeds: list[int]) -> None:
    scored = by_score(trees, seeds)
    tested = by_pytest(trees, seeds)
    expected_items = {f"{eid}/{name}::{check}" for eid, name in trees.values() for check in value_checks(eid)}
    for seed in seeds:
        assert set(scored[seed]) == expected_items
        lost = {item: status for item, status in scored[seed].items() if status != "passed"}
        assert not lost, f"grader score, seed {seed}: {lost}"
        assert tested[seed] == scored[seed], f"seed {seed}: pytest and grader score disagree"
