"""Nothing in a submission configures the grader: files that would hook into Python, pytest or Hypothesis
if they were honoured are planted in the tree (and `grader score` runs from inside it, as in CI); each
one, if it ever ran, would leave a marker and break the run."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from grader import course

ROOT = Path(__file__).resolve().parents[2]
EXERCISE = course.active().get("broadcast_add")


def _console_script() -> str | None:
    beside = Path(sys.executable).with_name("grader")
    return str(beside) if beside.exists() else shutil.which("grader")


def _plant(tree: Path, marker: Path) -> None:
    hook = f"open({str(marker)!r}, 'a').write(__name__ + '\\n')\nraise SystemExit(3)\n"
    planted = {
        "conftest.py": hook,
        "sitecustomize.py": hook,
        "usercustomize.py": hook,
        "torch.py": hook,  # would shadow torch if the tree were on sys.path
        "hypothesis.py": hook,
        "numpy.py": hook,
        "grader_hook.pth": f"import os; open({str(marker)!r}, 'a').write('pth\\n')\n",
        "pytest.ini": "[pytest]\naddopts = -p planted_plugin\n",
        "planted-1.0.dist-info/entry_points.txt": "[pytest11]\nplanted = planted_plugin\n",
        "planted-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: planted\nVersion: 1.0\n",
        "planted_plugin.py": hook,
        ".hypothesis/examples/0000/0000": "garbage",
    }
    for folder in (tree, tree / EXERCISE.chapter):
        for name, text in planted.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)


@pytest.mark.skipif(_console_script() is None, reason="the `grader` command is not installed here")
def test_planted_files_in_a_submission_are_never_honoured(tmp_path: Path) -> None:
    tree, marker, out = tmp_path / "submission", tmp_path / "marker", tmp_path / "result.json"
    right = ROOT / "tests/submissions/broadcast_add/right_expand.py"
    (tree / EXERCISE.chapter).mkdir(parents=True)
    shutil.copy(right, tree / EXERCISE.relpath)
    _plant(tree, marker)
    command = [_console_script(), "score", ".", "--exercise", EXERCISE.id, "--max-examples", "5"]
    command += ["--json", str(out)]
    run = subprocess.run(command, cwd=tree, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert not marker.exists(), marker.read_text()
    exercise = json.loads(out.read_text())["exercises"][0]
    assert exercise["status"] == "passed" and exercise["score"] == EXERCISE.points
