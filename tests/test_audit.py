"""The false-fail audit (issue #12 item 4), kept as tests: what the forbidden-API gate must get right.

``tests/audit/correct/<style>/`` holds correct learner code in the styles courses teach (layer classes with
their own forward/backward, optimizer classes with a step method, NumPy inside torch, helpers in a second
file, learner-owned names such as ``grad``, ``backward``, ``dot``, ``one_hot``, ``solve``): every file must
get full marks. ``tests/audit/obfuscated/<technique>/`` holds working solutions that reach a forbidden API
through a built string, an alias in another module, ``operator.methodcaller``, a ``__dict__`` lookup,
``exec``/``eval``, a dynamic import, a registry or ``sys.modules``: every file must pass its behaviour
checks (so the corpus is right) and lose the gate (so only the gate can have caught it).

Each tree is laid out like ``exercises/``. Every file is graded in-process (``run_exercise``, as
``pytest exercises/`` does: one test per file); every tree is graded sandboxed by ``grade_tree``, what
``grader score`` runs (one run, and one test, per tree); one correct and one obfuscated tree also go
through the pytest plugin. ``tests/audit/README.md`` lists the styles and techniques.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from grader import course
from grader.catalog import Exercise
from grader.feedback import check_feedback
from grader.runner import FORBIDDEN_CHECK, ExerciseResult, Settings, run_exercise
from grader.score import ExerciseReport, grade_tree, resolve_config

ROOT = Path(__file__).resolve().parent.parent
AUDIT = Path(__file__).resolve().parent / "audit"
CORRECT, OBFUSCATED = AUDIT / "correct", AUDIT / "obfuscated"
EXAMPLES, SEED = 2, 1  # small budgets: the corpus is checked for breadth, not depth
SETTINGS = Settings(max_examples=EXAMPLES, seed=SEED)
# the trees the pytest plugin grades too: the CS231n layers, and obfuscations only a run can resolve
PLUGIN_TREES = (CORRECT / "layer_classes", OBFUSCATED / "registry")


def trees(kind: Path) -> list[Path]:
    return sorted(p for p in kind.iterdir() if p.is_dir())


def exercises_in(tree: Path) -> list[Exercise]:
    """The exercises a tree holds, in course order (other .py files there are the learner's helpers)."""
    found = []
    for path in tree.glob("*/*.py"):
        exercise = course.active().by_id().get(path.stem)
        if exercise is not None and path.parent.name == exercise.chapter:
            found.append(exercise)
    return sorted(found, key=lambda e: course.active().index(e.id))


def files(kind: Path) -> list:
    return [
        pytest.param(tree, exercise, id=f"{tree.name}/{exercise.id}")
        for tree in trees(kind)
        for exercise in exercises_in(tree)
    ]


def tree_param(tree: Path):
    return pytest.param(tree, id=f"{tree.parent.name}/{tree.name}")


def where(tree: Path, exercise: Exercise) -> str:
    return (tree / exercise.relpath).relative_to(ROOT).as_posix()


# -- what went wrong, readably -------------------------------------------------------------------------


def _indent(text: str) -> str:
    return "\n".join("      " + line for line in text.splitlines())


def result_problems(result: ExerciseResult, *, checks: str = "all") -> list[str]:
    """One line per failed check (name, status, feedback); ``checks``: "all", "gate" or "behaviour"."""
    if result.problem is not None:  # not graded at all: does not load, not started, crashed...
        return [f"exercise {result.status}: {result.problem.render('en')}"]
    problems = []
    for c in result.checks:
        wanted = checks == "all" or (checks == "gate") == (c.check == FORBIDDEN_CHECK)
        if wanted and c.status not in ("passed", "skipped"):
            text = check_feedback(result.exercise, c, "en")
            problems.append(f"{c.check} {c.status}:\n{_indent(text)}")
    return problems


def report_problems(report: ExerciseReport, *, checks: str = "all") -> list[str]:
    if report.message:
        return [f"exercise {report.status}: {report.message}"]
    return [
        f"{c.name} {c.status}:\n{_indent(c.message)}"
        for c in report.checks
        if (checks == "all" or (checks == "gate") == (c.name == FORBIDDEN_CHECK))
        and c.status not in ("passed", "skipped")
    ]


def explain(path: str, what: str, problems: list[str]) -> str:
    return f"{path}: {what}\n" + "\n".join(f"  - {p}" for p in problems)


# -- the verdicts, whichever runner produced them: what is wrong, or None ----------------------------


def full_marks_problem(
    path: str, exercise: Exercise, status: str, score: float, problems: list[str]
) -> str | None:
    if not exercise.forbidden:
        return f"{path}: {exercise.id} has no forbidden list, so it has no place in the audit"
    if status != "passed" or problems or score != exercise.points:
        what = (
            f"correct learner code must get full marks, got status {status!r} and {score}/{exercise.points}"
        )
        return explain(path, what, problems)
    return None


def gate_alone_problem(
    path: str,
    exercise: Exercise,
    *,
    gate: list[str],
    behaviour: list[str],
    status: str,
    score: float,
    loaded: bool,
) -> str | None:
    if not exercise.forbidden:
        return f"{path}: {exercise.id} has no forbidden list, so it has no place in the audit"
    if not loaded:
        return explain(path, "an obfuscated solution must load and run to prove anything", behaviour)
    if behaviour:
        what = "corpus bug: an obfuscated solution must pass every behaviour check (only the gate may fail)"
        return explain(path, what, behaviour)
    if not gate:
        return f"{path}: the gate ({FORBIDDEN_CHECK}) passed a forbidden API reached this way"
    if status != "failed" or score != 0:
        return explain(path, f"a failed gate must zero the exercise, got status {status!r} and {score}", gate)
    return None


def skip_if_nothing_ran(result: ExerciseResult) -> None:
    """No check could run on this machine (train_digits_classifier without scikit-learn): nothing to judge."""
    if result.status == "skipped":
        reasons = {c.failure.problem.render("en") for c in result.checks if c.failure is not None}
        pytest.skip("; ".join(sorted(reasons)) or "every check was skipped")


# -- (a) in-process, as `pytest exercises/` grades -----------------------------------------------------


@pytest.mark.parametrize(("tree", "exercise"), files(CORRECT))
def test_correct_file_gets_full_marks_in_process(tree: Path, exercise: Exercise) -> None:
    result = run_exercise(exercise, tree, SETTINGS)
    skip_if_nothing_ran(result)
    problem = full_marks_problem(
        where(tree, exercise), exercise, result.status, result.score, result_problems(result)
    )
    assert problem is None, problem


@pytest.mark.parametrize(("tree", "exercise"), files(OBFUSCATED))
def test_obfuscated_file_loses_the_gate_in_process(tree: Path, exercise: Exercise) -> None:
    result = run_exercise(exercise, tree, SETTINGS)
    skip_if_nothing_ran(result)
    problem = gate_alone_problem(
        where(tree, exercise),
        exercise,
        gate=result_problems(result, checks="gate"),
        behaviour=result_problems(result, checks="behaviour"),
        status=result.status,
        score=result.score,
        loaded=result.problem is None and bool(result.checks),
    )
    assert problem is None, problem


# -- (c) `pytest exercises/`: the plugin grading one correct and one obfuscated tree ------------------


@pytest.fixture
def grader_importable(monkeypatch: pytest.MonkeyPatch) -> None:
    """pytester runs pytest in a subprocess: let it import this checkout's grader even when not installed."""
    monkeypatch.setenv("PYTHONPATH", str(ROOT))


def outcomes(result: pytest.RunResult) -> dict[str, str]:
    """Every item's outcome from pytest's -rA summary: {"tree/chapter/id.py::check": "PASSED", ...}."""
    found = {}
    for line in result.stdout.lines:
        outcome, _, rest = line.partition(" ")
        if outcome in ("PASSED", "FAILED", "ERROR", "SKIPPED") and "::" in rest:
            found[rest.split(" - ")[0].strip()] = outcome
    return found


@pytest.mark.parametrize("tree", [tree_param(t) for t in PLUGIN_TREES])
def test_pytest_plugin_grades_the_tree(
    pytester: pytest.Pytester, grader_importable: None, tree: Path
) -> None:
    copy = shutil.copytree(tree, pytester.path / tree.name)  # outside tests/audit: no conftest in the way
    found = exercises_in(tree)
    result = pytester.runpytest(
        "-p", "grader.plugin", "--lang", "en", "-rA", "--grader-max-examples", str(EXAMPLES),
        "--grader-seed", str(SEED), str(copy),
    )  # fmt: skip
    text, seen = result.stdout.str(), outcomes(result)
    files_seen = {item.split("::")[0] for item in seen}
    missing = [e.id for e in found if f"{copy.name}/{e.relpath.as_posix()}" not in files_seen]
    assert not missing, f"{tree.name}: the plugin graded no check of {missing}\n{text}"
    gates = {e.id: seen.get(f"{copy.name}/{e.relpath.as_posix()}::{FORBIDDEN_CHECK}") for e in found}
    behaviour = {item: outcome for item, outcome in seen.items() if not item.endswith("::" + FORBIDDEN_CHECK)}
    progress = re.search(r"exercises complete (\d+)/(\d+), points ([\d.]+)/([\d.]+)", text)
    assert progress, f"{tree.name}: no progress line\n{text}"
    done, counted, points, max_points = progress.groups()
    if tree.parent == CORRECT:
        wrong = {item: outcome for item, outcome in seen.items() if outcome not in ("PASSED", "SKIPPED")}
        assert not wrong, f"{tree.name}: every check must pass; these did not: {wrong}\n{text}"
        assert done == counted and points == max_points and float(max_points) > 0, progress.group(0)
    else:
        wrong = {item: outcome for item, outcome in behaviour.items() if outcome not in ("PASSED", "SKIPPED")}
        assert not wrong, (
            f"{tree.name}: behaviour checks must pass (else a corpus bug, or a grader error: see below);"
            f" these did not: {wrong}\n{text}"
        )
        let_through = sorted(exercise for exercise, outcome in gates.items() if outcome != "FAILED")
        assert not let_through, f"{tree.name}: the gate passed (or never ran) for {let_through}\n{text}"
        assert done == "0" and float(points) == 0 and float(max_points) > 0, progress.group(0)


# -- (b) sandboxed, as `grader score` grades: one run per tree -----------------------------------


def report_verdict(tree: Path, exercise: Exercise, report: ExerciseReport) -> str | None:
    path = where(tree, exercise)
    if tree.parent == CORRECT:
        problem = full_marks_problem(path, exercise, report.status, report.score, report_problems(report))
        if problem is None and report.max_score != exercise.points:
            problem = f"{path}: out of {report.max_score} points, not {exercise.points}"
        return problem
    return gate_alone_problem(
        path,
        exercise,
        gate=report_problems(report, checks="gate"),
        behaviour=report_problems(report, checks="behaviour"),
        status=report.status,
        score=report.score,
        loaded=not report.message and bool(report.checks),
    )


# the largest trees first: xdist hands the last tests out one by one, so the small ones even out the end
SANDBOXED_TREES = sorted(trees(CORRECT) + trees(OBFUSCATED), key=lambda t: -len(exercises_in(t)))


@pytest.mark.parametrize("tree", [tree_param(t) for t in SANDBOXED_TREES])
def test_tree_sandboxed(tree: Path) -> None:
    found = exercises_in(tree)
    config = resolve_config(max_examples=EXAMPLES, seed=SEED, env={})
    report = grade_tree(tree, [e.id for e in found], config, sandboxed=True)
    assert report.isolation != "in-process"
    by_id = {e.id: e for e in report.exercises}
    ran = [e for e in found if by_id[e.id].status != "skipped"]  # skipped: no check could run here
    wrong = [p for e in ran if (p := report_verdict(tree, e, by_id[e.id])) is not None]
    kind = "get full marks" if tree.parent == CORRECT else "lose the gate alone"
    assert not wrong, (
        f"grader score {tree.relative_to(ROOT)}: {len(wrong)} of {len(ran)} files do not {kind}\n"
        + ("\n".join(wrong))
    )
