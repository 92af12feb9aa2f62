"""grader.batch.gradebook: migrations from the first version on, whole rows or none, history kept."""

from __future__ import annotations

import sqlite3

import pytest

from grader.batch import gradebook
from grader.batch.gradebook import Gradebook, GradebookError

RECORD = {
    "source": "/class",
    "grader_version": "0.1.0",
    "grader_digest": "sha256:abc",
    "course_name": "pytorch-basics",
    "course_version": "0.1.0",
    "seed": "secret",
    "settings": {"profile": "ci", "max_examples": 5},
}


def result(
    learner: str, points: float = 10.0, exercise: str = "broadcast_add", status: str = "graded"
) -> dict:
    checks = [
        {
            "name": "matches",
            "status": "passed" if points else "failed",
            "points": points,
            "max_points": 10.0,
            "message": ""
            if points
            else "broadcast_add › matches\n  result: expected shape (2, 3), got (3, 2)",
            "timing": None,
            "pattern": None if points else "result: transposed",
        },
    ]
    exercises = [
        {
            "id": exercise,
            "status": "passed" if points else "failed",
            "score": points,
            "max_score": 10.0,
            "message": "",
            "duration_s": 0.1,
            "fingerprint": "sha256:f",
            "checks": checks,
        }
    ]
    return {
        "learner": learner,
        "source": f"hw-{learner}",
        "status": status,
        "message": "",
        "score": points,
        "max_score": 10.0,
        "duration_s": 0.2,
        "exercises": exercises if status == "graded" else [],
    }


def test_a_new_gradebook_is_at_the_latest_version_in_wal_mode(tmp_path):
    with Gradebook(tmp_path / "g.sqlite") as book:
        assert book.version == gradebook.VERSION >= 2
        assert book.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_every_migration_from_the_first_version_keeps_the_data(tmp_path):
    path = tmp_path / "g.sqlite"
    with Gradebook(path, migrate=False) as book:
        book.migrate(to=1)
        assert book.version == 1
        book.db.execute(
            "INSERT INTO runs (key, started, source, grader_version, grader_digest, course_name,"
            " course_version, seed, settings) VALUES ('k', 't', '/c', '0.1', 'd', 'c', '1', '7', '{}')"
        )
        book.db.execute(
            "INSERT INTO results (run, learner, source, status, message, score, max_score, duration_s,"
            " graded_at) VALUES (1, 'alice', 'hw-alice', 'graded', '', 10, 10, 1, 't')"
        )
        book.db.execute("INSERT INTO exercises VALUES (1, 'broadcast_add', 'passed', 10, 10, '', 0.5)")
        book.db.execute(
            "INSERT INTO checks VALUES (1, 'broadcast_add', 'matches', 'passed', 10, 10, '', NULL)"
        )
    with Gradebook(path) as book:
        assert book.version == gradebook.VERSION
        [alice] = book.current()
        assert alice["score"] == 10 and alice["exercises"]["broadcast_add"]["fingerprint"] is None
        assert book.checks_of(alice["result"], "broadcast_add")[0]["pattern"] is None


def test_a_gradebook_newer_than_the_grader_is_refused(tmp_path):
    path = tmp_path / "g.sqlite"
    sqlite3.connect(path).execute(f"PRAGMA user_version = {gradebook.VERSION + 1}")
    with pytest.raises(GradebookError, match="newer than this grader"):
        Gradebook(path)


def test_a_file_that_is_not_a_gradebook_gets_a_clear_error(tmp_path):
    (tmp_path / "g.sqlite").write_bytes(b"not a database at all" * 100)
    with pytest.raises(GradebookError, match="cannot be opened"):
        Gradebook(tmp_path / "g.sqlite")
    with pytest.raises(GradebookError, match="found none"):
        gradebook.read_only(tmp_path / "missing.sqlite")


def test_a_failed_write_leaves_no_half_written_rows(tmp_path):
    with Gradebook(tmp_path / "g.sqlite") as book:
        run, _ = book.open_run("k", RECORD, resume_finished=True)
        broken = result("alice")
        broken["exercises"][0]["checks"].append({"name": "x"})  # fails after the result row is inserted
        with pytest.raises(KeyError):
            book.write(run, broken)
        assert book.dump() == []
        book.write(run, result("alice"))
        with pytest.raises(sqlite3.IntegrityError):  # a learner once per run: never a duplicate
            book.write(run, result("alice"))
        assert len([r for r in book.dump() if r[0] == "result"]) == 1


def test_a_run_is_resumed_by_its_key_and_a_finished_regrade_is_not(tmp_path):
    with Gradebook(tmp_path / "g.sqlite") as book:
        run, resumed = book.open_run("k", RECORD, resume_finished=True)
        assert not resumed
        book.write(run, result("alice"))
        book.finish(run)
        again, resumed = book.open_run("k", RECORD, resume_finished=True)
        assert resumed and again.id == run.id and book.graded_learners(again) == {"alice"}
        regrade, resumed = book.open_run("k", RECORD, resume_finished=False)
        assert not resumed and regrade.id != run.id
        assert book.runs()[0]["seed"] == "secret"


def test_the_current_grade_is_the_latest_and_history_is_kept(tmp_path):
    with Gradebook(tmp_path / "g.sqlite") as book:
        first, _ = book.open_run("a", RECORD, True)
        book.write(first, result("alice", 0.0))
        second, _ = book.open_run("b", RECORD, True)
        book.write(second, result("alice", 10.0))
        [alice] = book.current()
        assert alice["score"] == 10 and alice["max_score"] == 10
        assert len([r for r in book.dump() if r[0] == "result"]) == 2  # the first grade is still there
        third, _ = book.open_run("c", RECORD, True)
        book.write(third, result("alice", status="duplicate_learner"))
        [alice] = book.current()
        assert alice["status"] == "duplicate_learner" and alice["exercises"] == {} and alice["score"] == 0


def test_a_regrade_of_one_exercise_keeps_the_others(tmp_path):
    with Gradebook(tmp_path / "g.sqlite") as book:
        first, _ = book.open_run("a", RECORD, True)
        both = result("alice", 0.0)
        both["exercises"] += result("alice", 5.0, exercise="matmul")["exercises"]
        book.write(first, both)
        second, _ = book.open_run("b", RECORD, True)
        book.write(second, result("alice", 10.0))  # broadcast_add regraded alone
        [alice] = book.current()
        assert {e: x["score"] for e, x in alice["exercises"].items()} == {"broadcast_add": 10, "matmul": 5}
        assert alice["score"] == 15


def test_a_grading_error_is_retried_by_the_next_run_of_the_same_batch(tmp_path):
    with Gradebook(tmp_path / "g.sqlite") as book:
        run, _ = book.open_run("k", RECORD, True)
        book.write(run, result("alice", status="grading_error") | {"message": "worker lost"})
        book.write(run, result("bob", status="empty"))
        assert book.graded_learners(run) == {"bob"}  # alice is graded again on resume
        book.write(run, result("alice"))
        [alice, _] = book.current()
        assert alice["status"] == "graded" and alice["score"] == 10
        assert [r[3] for r in book.dump() if r[0] == "result" and r[1] == "alice"] == ["graded"]
