"""grader batch end to end: a class of 50 generated submissions, graded, killed midway, resumed.

Grades one cheap exercise (broadcast_add) with few examples: what is under test is the batch (intake,
jobs, sandbox per submission, one writer, resume), not the exercise.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from grader.batch.gradebook import Gradebook
from grader.cli import main
from tests.batch.conftest import make_class

FAST = ["--exercise", "broadcast_add", "--max-examples", "3", "--seed", "3"]


@pytest.fixture(scope="module")
def klass(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("class") / "submissions"
    root.mkdir()
    return root, make_class(root)


@pytest.fixture(scope="module")
def uninterrupted(klass, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("uninterrupted") / "class.sqlite"
    assert main(["batch", str(klass[0]), "--db", str(db), "--workers", "2", *FAST]) == 0
    return db


def statuses(db: Path) -> dict[str, str]:
    with Gradebook(db) as book:
        rows = book.current()
    return {r["learner"]: r["status"] if r["status"] != "graded" else f"graded:{r['score']:g}" for r in rows}


def test_every_learner_gets_the_status_and_points_expected(klass, uninterrupted):
    got = statuses(uninterrupted)
    expected = klass[1]
    assert set(got) == set(expected)
    wrong = {learner: got[learner] for learner, want in expected.items() if not _matches(got[learner], want)}
    assert not wrong, wrong
    with Gradebook(uninterrupted) as book:
        [run] = book.runs()
        assert run["finished"] and run["seed"] == "3" and run["course_name"] == "pytorch-basics"
        assert run["grader_digest"].startswith("sha256:")
        messages = {r["learner"]: r["message"] for r in book.current()}
    assert "evil1" in messages and "outside the submission" in messages["evil1"]
    assert "2 entries claim this learner" in messages["twice"]


def _matches(got: str, want: str) -> bool:
    if want == "graded:<10":
        return got.startswith("graded:") and float(got.split(":")[1]) < 10
    return got == want or (want == "graded" and got.startswith("graded:"))


def test_a_batch_killed_midway_resumes_to_the_same_gradebook(klass, uninterrupted, tmp_path):
    db = tmp_path / "class.sqlite"
    command = [sys.executable, "-m", "grader.cli", "batch", str(klass[0]), "--db", str(db), "--workers", "2"]
    child = subprocess.Popen(
        [*command, *FAST], start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    written = 0
    try:
        deadline = time.monotonic() + 240
        while written < 20 and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.2)
            written = _count(db)
    finally:
        os.killpg(child.pid, signal.SIGKILL)  # the whole process group: batch, workers, sandboxes
        child.wait()
    assert 0 < written < len(klass[1]), written
    assert main(["batch", str(klass[0]), "--db", str(db), "--workers", "2", *FAST]) == 0
    with Gradebook(db) as resumed, Gradebook(uninterrupted) as whole:
        assert resumed.dump() == whole.dump()
        assert len(resumed.runs()) == 1 and resumed.runs()[0]["finished"]


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as reader:
            return reader.execute("SELECT count(*) FROM results").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_a_finished_batch_rerun_grades_nothing_and_a_regrade_keeps_history(klass, uninterrupted, capsys):
    before = statuses(uninterrupted)
    assert main(["batch", str(klass[0]), "--db", str(uninterrupted), *FAST]) == 0
    assert "nothing new" in capsys.readouterr().out
    assert main(["batch", str(klass[0]), "--db", str(uninterrupted), "--regrade", "right00", *FAST]) == 0
    with Gradebook(uninterrupted) as book:
        assert len(book.runs()) == 2
        assert [r[1] for r in book.dump() if r[0] == "result"].count("right00") == 2
    assert statuses(uninterrupted) == before


def test_gradebook_show_and_export(uninterrupted, tmp_path, capsys):
    assert main(["gradebook", "show", "--db", str(uninterrupted)]) == 0
    shown = capsys.readouterr().out
    assert "right00" in shown and "corrupt_archive" in shown and "50 learners" not in shown
    csv = tmp_path / "grades.csv"
    assert (
        main(["gradebook", "export", "--db", str(uninterrupted), "--csv", str(csv), "--shape", "canvas"]) == 0
    )
    header = csv.read_text().splitlines()[0]
    # the assignment column is the course's name unless --assignment names it
    assert header.startswith("Student,ID,SIS User ID") and header.endswith(",pytorch-basics"), header


def test_bad_arguments_get_a_clear_error(tmp_path, capsys):
    assert main(["batch", str(tmp_path / "none"), "--db", str(tmp_path / "g.sqlite")]) == 2
    assert "one submission per learner" in capsys.readouterr().err
    assert main(["gradebook", "show", "--db", str(tmp_path / "none.sqlite")]) == 2
    assert "found none" in capsys.readouterr().err
    (tmp_path / "c").mkdir()
    assert (
        main(["batch", str(tmp_path / "c"), "--db", str(tmp_path / "g.sqlite"), "--regrade", "nobody"]) == 2
    )
    assert "--regrade" in capsys.readouterr().err
