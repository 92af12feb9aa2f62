"""Learner code that attacks the grader: each case has its verdict, and nothing else may change.

Every attack in ``attacks/`` is graded sandboxed, at every strong level this process reaches (as root:
``namespaces`` and ``uid``; as an ordinary user: ``namespaces``), in a tree beside a correct exercise.
Then the test checks the attack's status and points (an attack file's docstring says what it expects,
``Expect at <level>:`` where a level differs), that the correct exercise still gets full marks, that the
grader's installed files hash the same, that the report the trusted side wrote afterwards is intact
(written by the product's own writer, which never follows a planted link), and that nothing the
attack started is still alive. tests/sandbox/test_unprivileged.py runs this file again as an ordinary
user who owns the grader's installation, as on a CI runner.

With ``GRADER_ATTACK_TABLE`` set to a file, each result is appended to it (one JSON object per line).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import string
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

import grader
from grader import catalog, course
from grader.loader import reference_root
from grader.reports import write_report
from grader.runner import Settings, run_exercise
from grader.sandbox import Limits, Sandbox, confine, prepare

ROOT = Path(__file__).resolve().parents[2]
BYSTANDER = course.active().get("matmul")
LIMITS = Limits(
    call_seconds=5, exercise_seconds=30, cpu_seconds=20, memory_bytes=1 << 30, tasks=48, file_bytes=4 << 20
)
SETTINGS = Settings(max_examples=6, seed=5)

ATTACKS = Path(__file__).parent / "attacks"
EXPECT = re.compile(r"Expect(?: at (\w+))?: ([a-z_|]+); at most ([0-9.]+) points")
TARGET = re.compile(r"^Target: (\w+)", re.MULTILINE)
NAMES = sorted(p.stem for p in ATTACKS.glob("*.py"))
PLAN = prepare()
# the strong levels this process reaches: the best, and as root the dedicated uid without namespaces
LEVELS = [level for level in confine.STRONG if level == PLAN.level or (level == confine.UID and PLAN.as_root)]


def expectation(name: str, level: str) -> tuple[str, catalog.Exercise, set[str], float]:
    """An attack's source, the exercise it targets, and the statuses and most points it may get."""
    source = (ATTACKS / f"{name}.py").read_text()
    found = {at: (set(statuses.split("|")), float(points)) for at, statuses, points in EXPECT.findall(source)}
    statuses, points = found.get(level, found[""])
    target = TARGET.search(source)
    return source, course.active().get(target.group(1) if target else "broadcast_add"), statuses, points


def installed_files() -> dict[str, str]:
    """A digest of every file of the grader's installation, its site-packages' entries and .pth files."""
    package = Path(grader.__file__).resolve().parent
    digests = {}
    for path in sorted(package.rglob("*")):
        if path.is_file():
            digests[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    for site in {Path(m.__file__).resolve().parents[1] for m in (grader, pytest, json)}:
        # (a name starting with a dot is never imported: a Hypothesis database another test writes there)
        digests[f"{site}/*"] = ",".join(sorted(p.name for p in site.iterdir() if not p.name.startswith(".")))
        for pth in site.glob("*.pth"):
            digests[str(pth)] = hashlib.sha256(pth.read_bytes()).hexdigest()
    return digests


def _prepare(tmp_path: Path, source: str, target: catalog.Exercise) -> tuple[Path, Path, Path]:
    """The attack and a correct bystander exercise in one tree; $report, $marker filled in. A copy of the
    course (a non-stub reference) is left beside it, where a submission walking the disk would look."""
    tree, report, marker = (
        tmp_path / "submission",
        tmp_path / "report.json",
        tmp_path / f"marker-{uuid.uuid4()}",
    )
    places = {"report": str(report), "marker": str(marker)}
    bystander = (ROOT / "tests/submissions/matmul/right_loops.py").read_text()
    course = tmp_path / "course-copy" / "reference" / target.relpath
    course.parent.mkdir(parents=True)
    course.write_text((ROOT / "reference" / target.relpath).read_text())
    for exercise, text in ((target, string.Template(source).safe_substitute(places)), (BYSTANDER, bystander)):
        path = tree / exercise.relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    (tree / "conftest.py").write_text("import sys\nsys.exit(3)\n")  # a planted conftest is never honoured
    return tree, report, marker


def grade(tree: Path, target: catalog.Exercise, level: str) -> tuple[dict, Sandbox]:
    with Sandbox(LIMITS, level=level) as sandbox:
        results = {e.id: run_exercise(e, tree, SETTINGS, sandbox=sandbox) for e in (target, BYSTANDER)}
        return results, sandbox


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("name", NAMES)
def test_attack_gets_its_verdict_and_changes_nothing_else(name: str, level: str, tmp_path: Path) -> None:
    source, target, statuses, max_points = expectation(name, level)
    tree, report, marker = _prepare(tmp_path, source, target)
    before = installed_files()
    started = time.monotonic()
    results, sandbox = grade(tree, target, level)
    attacked, bystander = results[target.id], results[BYSTANDER.id]
    write_report(report, json.dumps({e: r.score for e, r in results.items()}))  # the trusted side, last
    _record(name, level, attacked)
    assert attacked.status in statuses, (
        attacked.status,
        attacked.problem and attacked.problem.render("en"),
        [(c.check, c.status, c.failure and c.failure.problem.render("en")) for c in attacked.checks],
    )
    assert attacked.score <= max_points
    assert bystander.status == "passed" and bystander.score == BYSTANDER.points
    time.sleep(0.5)  # give a surviving daemon the time to strike
    assert not report.is_symlink()
    assert json.loads(report.read_text()) == {target.id: attacked.score, BYSTANDER.id: bystander.score}
    assert not marker.exists(), f"code ran outside the sandbox or outlived its exercise: {marker.read_text()}"
    assert installed_files() == before, "the grader's installed files changed"
    assert sandbox.isolation == level
    assert time.monotonic() - started < 60


def _record(name: str, level: str, result) -> None:
    table = os.environ.get("GRADER_ATTACK_TABLE")
    if table:
        row = {
            "attack": name,
            "level": level,
            "uid": os.getuid(),
            "status": result.status,
            "points": result.score,
        }
        with open(table, "a") as f:
            f.write(json.dumps(row) + "\n")


@pytest.mark.parametrize(
    "name", ["os_exit_in_call", "self_sigkill", "sleep_forever", "memory_bomb", "gigabyte_of_stdout"]
)
def test_process_level_still_names_the_fault(name: str, tmp_path: Path) -> None:
    """The weak level (grader score refuses it for untrusted code) still contains crashes and floods."""
    source, target, statuses, _ = expectation(name, confine.PROCESS)
    tree, _, _ = _prepare(tmp_path, source, target)
    results, sandbox = grade(tree, target, confine.PROCESS)
    assert sandbox.isolation == confine.PROCESS
    assert results[target.id].status in statuses and results[target.id].score == 0
    assert results[BYSTANDER.id].status == "passed"


def test_reference_tree_gets_full_marks_sandboxed() -> None:
    with Sandbox() as sandbox:
        for exercise in (course.active().get("broadcast_add"), BYSTANDER, course.active().get("patchify")):
            result = run_exercise(exercise, reference_root(), SETTINGS, sandbox=sandbox)
            assert result.status == "passed" and result.score == exercise.points


def test_secrets_in_the_graders_environment_never_reach_learner_code(tmp_path: Path) -> None:
    """The attack fails if it finds GRADER_SEED or the canary in any process's environment (its own, the
    grader's /proc files). Sandboxed it cannot, so it passes; in-process it does: the test is not vacuous."""
    source, target, _, _ = expectation("reads_the_graders_environ_and_memory", confine.NAMESPACES)
    tree, _, _ = _prepare(tmp_path, source, target)
    env = {**os.environ, "GRADER_SEED": "31337", "GRADER_CANARY": "1", "PYTHONPATH": str(ROOT)}
    statuses = {}
    for mode in ([], ["--in-process"]):
        out = tmp_path / f"result{len(mode)}.json"
        command = [sys.executable, "-m", "grader.cli", "score", str(tree), "--exercise", target.id]
        command += ["--max-examples", "5", "--profile", "ci", "--json", str(out), *mode]
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=300)
        statuses[tuple(mode)] = json.loads(out.read_text())["exercises"][0]["status"]
    assert statuses == {(): "passed", ("--in-process",): "failed"}
