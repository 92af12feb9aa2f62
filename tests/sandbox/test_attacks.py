"""Learner code that attacks the grader: each case has its verdict, and nothing else may change.

Every attack is graded sandboxed in a tree beside a correct exercise, then the test checks the attack's
status and points, that the correct exercise still gets full marks, that the report the trusted side
wrote afterwards is intact, and that nothing the attack started is still alive.
"""

from __future__ import annotations

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

from grader import catalog
from grader.runner import Settings, run_exercise
from grader.sandbox import Limits, Sandbox
from grader.sandbox.confine import NAMESPACES, PROCESS, namespaces_possible

ROOT = Path(__file__).resolve().parents[2]
TARGET = catalog.get("broadcast_add")
BYSTANDER = catalog.get("matmul")
LIMITS = Limits(
    call_seconds=8, exercise_seconds=30, cpu_seconds=20, memory_bytes=1 << 30, tasks=48, file_bytes=4 << 20
)
SETTINGS = Settings(max_examples=8, seed=5)

ATTACKS = Path(__file__).parent / "attacks"
HEADER = re.compile(r"Expect: ([a-z_|]+); at most ([0-9.]+) points")


def expectation(name: str) -> tuple[str, set[str], float]:
    """An attack file's source, and from its docstring the statuses it may get and its most points."""
    source = (ATTACKS / f"{name}.py").read_text()
    statuses, points = HEADER.search(source).groups()
    return source, set(statuses.split("|")), float(points)


NAMES = sorted(p.stem for p in ATTACKS.glob("*.py"))


def _prepare(tmp_path: Path, source: str) -> tuple[Path, Path, Path]:
    """The attack and a correct bystander exercise in one tree; $report, $marker, $reference filled in."""
    tree, report, marker = (
        tmp_path / "submission",
        tmp_path / "report.json",
        tmp_path / f"marker-{uuid.uuid4()}",
    )
    places = {
        "report": str(report),
        "marker": str(marker),
        "reference": str(ROOT / "reference" / TARGET.relpath),
    }
    bystander = (ROOT / "tests/submissions/matmul/right_loops.py").read_text()
    for exercise, text in ((TARGET, string.Template(source).safe_substitute(places)), (BYSTANDER, bystander)):
        path = tree / exercise.relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    (tree / "conftest.py").write_text("import sys\nsys.exit(3)\n")  # a planted conftest is never honoured
    return tree, report, marker


def grade(tree: Path, level: str | None = None) -> tuple[dict, str]:
    with Sandbox(LIMITS, level=level) as sandbox:
        results = {e.id: run_exercise(e, tree, SETTINGS, sandbox=sandbox) for e in (TARGET, BYSTANDER)}
        return results, sandbox.isolation


@pytest.mark.parametrize("name", NAMES)
def test_attack_gets_its_verdict_and_changes_nothing_else(name: str, tmp_path: Path) -> None:
    source, statuses, max_points = expectation(name)
    tree, report, marker = _prepare(tmp_path, source)
    started = time.monotonic()
    results, isolation = grade(tree)
    report.write_text(json.dumps({e: r.score for e, r in results.items()}))  # the trusted side writes last
    attacked, bystander = results[TARGET.id], results[BYSTANDER.id]
    assert attacked.status in statuses, (
        attacked.status,
        attacked.problem,
        [(c.check, c.status, c.failure and c.failure.problem.render("en")) for c in attacked.checks],
    )
    assert attacked.score <= max_points
    assert bystander.status == "passed" and bystander.score == BYSTANDER.points
    time.sleep(0.5)  # give a surviving daemon the time to strike
    assert json.loads(report.read_text()) == {TARGET.id: attacked.score, BYSTANDER.id: bystander.score}
    assert not marker.exists(), "a process the learner started outlived its exercise"
    assert time.monotonic() - started < 60
    if namespaces_possible():
        assert isolation == NAMESPACES


@pytest.mark.parametrize(
    "name", ["os_exit_in_call", "self_sigkill", "sleep_forever", "memory_bomb", "gigabyte_of_stdout"]
)
def test_process_level_fallback_still_names_the_fault(name: str, tmp_path: Path) -> None:
    source, statuses, _ = expectation(name)
    tree, _, _ = _prepare(tmp_path, source)
    results, isolation = grade(tree, level=PROCESS)
    assert isolation == PROCESS
    assert results[TARGET.id].status in statuses and results[TARGET.id].score == 0
    assert results[BYSTANDER.id].status == "passed"


def test_reference_tree_gets_full_marks_sandboxed() -> None:
    with Sandbox() as sandbox:
        for exercise in (TARGET, BYSTANDER, catalog.get("patchify")):
            result = run_exercise(exercise, ROOT / "reference", SETTINGS, sandbox=sandbox)
            assert result.status == "passed" and result.score == exercise.points


def test_secrets_in_the_graders_environment_never_reach_learner_code(tmp_path: Path) -> None:
    """The attack raises if it can see GRADER_SEED (its own environ or its parent's /proc). Sandboxed it
    cannot, so it passes; run in-process, the same code sees the secret: the test is not vacuous."""
    source, _, _ = expectation("reads_parent_environment")
    tree, _, _ = _prepare(tmp_path, source)
    env = {**os.environ, "GRADER_SEED": "31337", "PYTHONPATH": str(ROOT)}
    statuses = {}
    for mode in ([], ["--in-process"]):
        out = tmp_path / f"result{len(mode)}.json"
        command = [
            sys.executable,
            "-m",
            "grader.cli",
            "score",
            str(tree),
            "--exercise",
            TARGET.id,
            "--max-examples",
            "5",
            "--profile",
            "ci",
            "--json",
            str(out),
            *mode,
        ]
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=300)
        statuses[tuple(mode)] = json.loads(out.read_text())["exercises"][0]["status"]
    assert statuses == {(): "passed", ("--in-process",): "failed"}
