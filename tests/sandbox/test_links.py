"""A submission's links are never followed by the trusted side (found by an attacker reading our source).

The parent reads and copies learner files as root: a committed link to a reference gave full marks with
no code of the learner's, and a link to /proc/self/environ put the grader's secrets (the seed, CI tokens)
into the published reports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from grader import course
from grader.cli import main
from grader.loader import reference_root

EXERCISE = course.active().get("make_grid")
SECRET = "the-grader-secret-4711"


def grade(tree: Path, out: Path, *extra: str) -> dict:
    args = ["score", str(tree), "--exercise", EXERCISE.id, "--max-examples", "5", "--json", str(out), *extra]
    assert main(args) == 0
    return json.loads(out.read_text())["exercises"][0]


@pytest.fixture
def chapter(tmp_path: Path) -> Path:
    folder = tmp_path / "tree" / EXERCISE.chapter
    folder.mkdir(parents=True)
    return folder


def test_a_helper_linked_to_the_reference_earns_nothing(chapter: Path, tmp_path: Path) -> None:
    (chapter / "refgrid.py").symlink_to(reference_root(EXERCISE) / EXERCISE.relpath)
    (chapter / "make_grid.py").write_text("from refgrid import make_grid  # noqa: F401\n")
    graded = grade(chapter.parent, tmp_path / "r.json")
    assert graded["score"] == 0 and graded["status"] == "error"


def test_an_exercise_file_linked_to_the_reference_is_not_graded(chapter: Path, tmp_path: Path) -> None:
    (chapter / "make_grid.py").symlink_to(reference_root(EXERCISE) / EXERCISE.relpath)
    graded = grade(chapter.parent, tmp_path / "r.json")
    assert graded["score"] == 0 and "is a link" in graded["message"]


def test_a_linked_chapter_folder_is_not_graded(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / EXERCISE.chapter).symlink_to(reference_root(EXERCISE) / EXERCISE.chapter)
    graded = grade(tree, tmp_path / "r.json")
    assert graded["score"] == 0 and "outside the submission" in graded["message"]


def test_the_graders_environment_never_reaches_a_report(chapter: Path, tmp_path: Path) -> None:
    """/proc/self/environ holds the environment a process started with: grade in a process started with
    the secret in it, as CI starts grader score with its secrets."""
    (chapter / "envdump.py").symlink_to("/proc/self/environ")
    source = (
        "def make_grid(rows, cols, dtype=None):\n"
        "    import pathlib\n"
        "    try:\n"
        "        data = (pathlib.Path(__file__).parent / 'envdump.py').read_bytes().split(b'\\0')\n"
        "        raise ValueError([e.decode() for e in data if e.startswith(b'GRADER_TEST')])\n"
        "    except OSError:\n"
        "        pass\n"
        "    try:\n"
        "        import envdump  # noqa: F401\n"
        "    except Exception as e:\n"
        "        raise ValueError(repr(e)) from None\n"
    )
    (chapter / "make_grid.py").write_text(source)
    out, markdown = tmp_path / "r.json", tmp_path / "r.md"
    args = ["--exercise", EXERCISE.id, "--max-examples", "5", "--json", str(out), "--markdown", str(markdown)]
    env = {**os.environ, "GRADER_TEST_SECRET": SECRET}
    done = subprocess.run(
        [sys.executable, "-m", "grader.cli", "score", str(chapter.parent), *args],
        env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(out.read_text())["exercises"][0]["score"] == 0
    assert SECRET not in out.read_text() + markdown.read_text() + done.stdout
