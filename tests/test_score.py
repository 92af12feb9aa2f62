"""grader.score: settings precedence, what gets graded, points per check, determinism, pytest agreement."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from score_helpers import ROOT, exercises, make_tree, reference, stub, validate, wrong

from grader import course, score
from grader.cli import main
from grader.gate import static
from grader.i18n import say
from grader.loader import NOT_STARTED, reference_root
from grader.reports import json_report
from grader.runner import CheckResult, ExerciseResult, Failure, GraderError, Settings
from grader.score import ScoreError, exercise_report, grade_tree, resolve_config

CONFIG = score.RunConfig(Settings(max_examples=5, seed=1), "local")


@pytest.fixture(autouse=True)
def no_grader_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The developer's own GRADER_* settings (tox passes them through) must not change these tests."""
    for name in [n for n in os.environ if n.startswith("GRADER_")]:
        monkeypatch.delenv(name)


# -- settings: command line > environment > profile default --------------------------------------------


def test_profiles_set_the_examples_per_check() -> None:
    assert resolve_config(env={}).settings == Settings()
    assert resolve_config(profile="ci", env={}).settings.max_examples == 100
    assert resolve_config(env={"GRADER_PROFILE": "ci"}).profile == "ci"


def test_command_line_beats_environment_beats_default() -> None:
    env = {"GRADER_SEED": "77", "GRADER_MAX_EXAMPLES": "12", "GRADER_PROFILE": "ci"}
    from_env = resolve_config(env=env)
    assert (from_env.settings.seed, from_env.settings.max_examples, from_env.profile) == (77, 12, "ci")
    from_cli = resolve_config(profile="local", seed=5, max_examples=3, env=env)
    assert (from_cli.settings.seed, from_cli.settings.max_examples, from_cli.profile) == (5, 3, "local")


def test_a_seed_from_the_environment_is_reported_as_secret() -> None:
    assert resolve_config(env={"GRADER_SEED": "123"}).public_seed == "secret"
    assert resolve_config(seed=123, env={"GRADER_SEED": "9"}).public_seed == 123
    # CI hands an unset secret over as an empty string: that is no secret seed
    empty = resolve_config(profile="ci", env={"GRADER_SEED": ""})
    assert (empty.public_seed, empty.seed_from_env) == (Settings().seed, False)


@pytest.mark.parametrize(
    ("kwargs", "says"),
    [
        ({"env": {"GRADER_SEED": "sesame"}}, "not shown: it is secret"),
        ({"env": {"GRADER_MAX_EXAMPLES": "many"}}, "'many'"),
        ({"max_examples": 0, "env": {}}, "at least 1 example"),
        ({"profile": "fast", "env": {}}, "--profile local or --profile ci"),
    ],
)
def test_bad_settings_say_what_was_expected(kwargs: dict, says: str) -> None:
    with pytest.raises(ScoreError, match="Expected") as info:
        resolve_config(**kwargs)
    assert says in str(info.value)
    assert "sesame" not in str(info.value)


# -- what gets graded ---------------------------------------------------------------------------------


def test_selection_keeps_course_order_and_rejects_unknown_ids() -> None:
    every = course.active().exercises
    assert score.select_exercises(None) == every
    if len(every) >= 2:
        picked = score.select_exercises([every[1].id, every[0].id])
        assert picked == (every[0], every[1])
    with pytest.raises(ScoreError, match="did you mean"):
        score.select_exercises([every[0].id + "x"])


def test_a_tree_must_hold_exercise_files(tmp_path: Path) -> None:
    with pytest.raises(ScoreError, match="directory laid out like exercises/"):
        score.check_tree(tmp_path / "missing", course.active().exercises)
    (tmp_path / "exercises").mkdir()
    with pytest.raises(ScoreError, match="did you mean its exercises/ folder"):
        score.check_tree(tmp_path, course.active().exercises)


# -- grading trees ------------------------------------------------------------------------------------


def test_stubs_score_zero_and_reference_full_marks(tmp_path: Path) -> None:
    found = exercises()
    chosen = [e.id for e in found]
    stubs = grade_tree(make_tree(tmp_path, {e: stub(e) for e in found}), chosen, CONFIG)
    assert [e.status for e in stubs.exercises] == ["not_started"] * len(found)
    assert stubs.score == 0 and stubs.max_score == sum(e.points for e in found)
    assert all(e.message and not e.checks for e in stubs.exercises)

    ref = grade_tree(reference_root(), chosen, CONFIG)
    assert ref.score == ref.max_score == sum(e.points for e in found)
    assert all(c.passed and c.message == "" for e in ref.exercises for c in e.checks)
    validate(json_report.to_dict(ref))


def test_a_wrong_submission_loses_points_with_feedback(tmp_path: Path) -> None:
    exercise = exercises()[0]
    report = grade_tree(make_tree(tmp_path, {exercise: wrong(exercise)}), [exercise.id], CONFIG)
    (result,) = report.exercises
    assert result.status == "failed" and result.score < result.max_score
    failed = [c for c in result.checks if not c.passed]
    assert failed and all(c.message.startswith(f"{exercise.id} (") for c in failed)
    assert all(c.points == 0 for c in failed)
    counted = [c for c in result.checks if c.status != "skipped"]
    # check points are shares of the exercise's points (rounded to hundredths)
    assert abs(sum(c.max_points for c in counted) - result.max_score) <= 0.01 * len(counted)
    assert abs(sum(c.points for c in counted) - result.score) <= 0.01 * len(counted)


def test_a_reference_copied_out_of_reference_fails_the_forbidden_api_gate(tmp_path: Path) -> None:
    gated = [
        e
        for e in course.active().exercises
        if e.forbidden
        and (reference_root() / e.relpath).is_file()
        and static.analyze_source(reference(e), e.forbidden).failing
    ]
    if not gated:
        pytest.skip("no reference uses an API its exercise forbids")
    exercise = gated[0]
    report = grade_tree(make_tree(tmp_path, {exercise: reference(exercise)}), [exercise.id], CONFIG)
    (result,) = report.exercises
    assert result.status == "failed" and result.score == 0
    gate = next(c for c in result.checks if c.name == "allowed_apis")
    assert not gate.passed and "line" in gate.message
    assert all(c.points == 0 for c in result.checks)  # a failed gate zeroes every check
    validate(json_report.to_dict(report))


def _check(name: str, status: str, points: float, gate: bool = False, why: str = "") -> CheckResult:
    failure = Failure(say(why, why)) if why else None
    earned = points if status == "passed" else 0
    return CheckResult("x", name, status, earned, 0 if status == "skipped" else points, failure, gate)


def test_a_skipped_check_is_left_out_of_the_maximum_never_passed() -> None:
    exercise = course.active().exercises[0]
    result = ExerciseResult(
        exercise,
        "passed",
        (
            _check("on_cpu", "passed", 3),
            _check("on_gpu", "skipped", 1, why="no CUDA GPU"),
        ),
    )
    report = exercise_report(result, "en")
    cpu, gpu = report.checks
    assert (gpu.status, gpu.passed, gpu.points, gpu.max_points) == ("skipped", False, 0, 0)
    assert "no CUDA GPU" in gpu.message
    assert cpu.max_points == report.max_score == report.score == exercise.points

    only_gpu = exercise_report(ExerciseResult.graded(exercise, (_check("on_gpu", "skipped", 1),)), "en")
    assert (only_gpu.status, only_gpu.score, only_gpu.max_score) == ("skipped", 0, 0)


def test_partial_credit_is_shared_by_check_weight() -> None:
    exercise = course.active().exercises[0]
    result = ExerciseResult(
        exercise, "failed", (_check("a", "passed", 3), _check("b", "failed", 1, why="wrong value"))
    )
    report = exercise_report(result, "zh")
    assert report.score == pytest.approx(exercise.points * 3 / 4, abs=0.01)
    assert [c.max_points for c in report.checks] == [exercise.points * 0.75, exercise.points * 0.25]
    assert report.checks[1].message.startswith(f"{exercise.id} ({exercise.title['zh']})")


def test_a_grader_bug_in_one_exercise_is_an_error_there_and_the_rest_is_graded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = exercises()
    tree = make_tree(tmp_path, {e: stub(e) for e in found})

    def run_exercise(exercise, root, settings, sandbox=None):
        if exercise == found[0]:
            raise RuntimeError("boom")
        return ExerciseResult(exercise, "not_started", problem=NOT_STARTED(path="p"))

    monkeypatch.setattr(score, "run_exercise", run_exercise)
    report = grade_tree(tree, [e.id for e in found], CONFIG)
    assert report.exercises[0].status == "error" and "RuntimeError: boom" in report.exercises[0].message
    assert "not your fault" in report.exercises[0].message
    assert [e.status for e in report.exercises[1:]] == ["not_started"] * (len(found) - 1)

    def broken(exercise, root, settings, sandbox=None):
        raise GraderError("the reference raised")

    monkeypatch.setattr(score, "run_exercise", broken)
    with pytest.raises(ScoreError, match="not your fault"):
        grade_tree(tree, [e.id for e in found], CONFIG)


def test_same_submission_and_seed_give_the_same_verdicts(tmp_path: Path) -> None:
    found = exercises()
    tree = make_tree(tmp_path, {e: wrong(e) for e in found})
    config = score.RunConfig(Settings(max_examples=10, seed=42), "local")
    first, second = (json_report.to_dict(grade_tree(tree, [e.id for e in found], config)) for _ in range(2))
    assert json_report.verdicts(first) == json_report.verdicts(second)
    assert json_report.verdicts(first)["exercises"][0]["checks"]  # not vacuously equal


def test_verdicts_do_not_depend_on_the_process(tmp_path: Path) -> None:
    """Two CI runs are two processes: string hashing (and so set order) differs between them."""
    found = exercises()
    tree = make_tree(tmp_path / "tree", {e: wrong(e) for e in found})
    results = []
    for hash_seed in ("1", "2"):
        out = tmp_path / f"run{hash_seed}.json"
        command = [sys.executable, "-m", "grader.cli", "score", str(tree), "--json", str(out), "--seed", "7"]
        command += ["--max-examples", "10", *(a for e in found for a in ("--exercise", e.id))]
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(ROOT)}
        run = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, run.stderr[-2000:]
        verdicts = json_report.verdicts(validate(json.loads(out.read_text())))
        results.append((verdicts["score"], verdicts["exercises"]))  # not the digest: others edit files now
    assert results[0] == results[1]


# -- pytest exercises/ and grader score agree -----------------------------------------------------------

PROBE = """
import json, os

import pytest

outcomes = {}

@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" or report.outcome == "failed":
        outcomes.setdefault(str(item.path), []).append(report.outcome)
    return report

def pytest_sessionfinish(session):
    with open(os.environ["AGREE_OUT"], "w") as f:
        json.dump(outcomes, f)
"""


def test_pytest_and_grader_score_agree_on_pass_or_fail(tmp_path: Path) -> None:
    found = exercises()
    base = tmp_path / "trees"
    trees = {
        "reference": reference_root(),
        "stubs": make_tree(base / "stubs", {e: stub(e) for e in found}),
        "wrong": make_tree(base / "wrong", {e: wrong(e) for e in found}),
        "mixed": make_tree(base / "mixed", {found[0]: wrong(found[0]), **{e: stub(e) for e in found[1:]}}),
    }
    (tmp_path / "probe").mkdir()
    (tmp_path / "probe" / "agree_probe.py").write_text(PROBE)
    (base / "pytest.ini").write_text("[pytest]\n")
    chosen = {reference_root() / e.relpath for e in found}
    others = [f"--ignore={p}" for p in sorted(reference_root().rglob("*.py")) if p not in chosen]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path / "probe"), str(ROOT)]),
        "AGREE_OUT": str(tmp_path / "outcomes.json"),
    }
    env.pop("GRADER_SEED", None)
    command = [sys.executable, "-m", "pytest", "-q", "-p", "grader.plugin", "-p", "agree_probe"]
    command += ["-p", "no:cacheprovider", "-c", str(base / "pytest.ini"), "--rootdir", str(base)]
    command += ["--confcutdir", str(base)]  # not the checkout's conftest: this run loads the plugin itself
    command += ["--grader-max-examples", "5", "--grader-seed", "1", *others, *map(str, trees.values())]
    run = subprocess.run(command, cwd=base, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode in (0, 1), run.stdout[-3000:] + run.stderr[-3000:]
    outcomes = json.loads((tmp_path / "outcomes.json").read_text())

    verdicts: dict[str, dict[str, tuple[bool, bool]]] = {}
    for name, tree in trees.items():
        out = tmp_path / f"{name}.json"
        args = ["score", str(tree), "--json", str(out), "--max-examples", "5", "--seed", "1"]
        assert main(args + [a for e in found for a in ("--exercise", e.id)]) == 0
        result = validate(json.loads(out.read_text()))
        graded = {e["id"]: e["status"] in ("passed", "skipped") for e in result["exercises"]}
        for e in found:
            pytest_results = outcomes[str((tree / e.relpath).resolve())]
            verdicts.setdefault(name, {})[e.id] = ("failed" not in pytest_results, graded[e.id])
    disagreements = {n: v for n, v in verdicts.items() for i, (a, b) in v.items() if a != b}
    assert not disagreements, verdicts
    # the trees are not all alike: the agreement covers passing and failing exercises
    assert all(verdicts["reference"][e.id] == (True, True) for e in found)
    assert all(verdicts["stubs"][e.id] == (False, False) for e in found)
    assert verdicts["wrong"][found[0].id] == (False, False)
