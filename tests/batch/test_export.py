"""grader.batch.export: CSV in the shapes LMSs import, the terminal table."""

from __future__ import annotations

import csv
import io

import pytest

from grader.batch import export

ROWS = [
    {
        "learner": "alice",
        "status": "graded",
        "message": "",
        "score": 15.0,
        "max_score": 20.0,
        "exercises": {"broadcast_add": {"score": 10.0}, "matmul": {"score": 5.0}},
    },
    {
        "learner": "bob",
        "status": "corrupt_archive",
        "message": "the archive cannot be read",
        "score": 0.0,
        "max_score": 0.0,
        "exercises": {},
    },
]


def parse(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_plain_has_one_column_per_exercise():
    assert parse(export.to_csv(ROWS)) == [
        ["learner", "status", "total", "max", "broadcast_add", "matmul"],
        ["alice", "graded", "15", "20", "10", "5"],
        ["bob", "corrupt_archive", "0", "0", "", ""],
    ]


def test_canvas_shape_has_its_header_and_points_possible():
    rows = parse(export.to_csv(ROWS, "canvas", "HW1 (1234)"))
    assert rows[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "HW1 (1234)"]
    assert rows[1][0] == "Points Possible" and rows[1][-1] == "20"
    assert rows[2][1:] == ["alice", "", "", "", "15"]


def test_gradescope_shape():
    rows = parse(export.to_csv(ROWS, "gradescope"))
    assert rows[0] == ["SID", "Email", "Total Score", "broadcast_add", "matmul"]
    assert rows[1] == ["alice", "", "15", "10", "5"]


def test_an_unknown_shape_is_refused():
    with pytest.raises(ValueError, match="plain, canvas, gradescope"):
        export.to_csv(ROWS, "moodle")


def test_the_table_shows_each_learner_and_why_one_was_not_graded():
    text = export.table(ROWS, [])
    assert "alice" in text and "15/20" in text and "the archive cannot be read" in text
    assert text.endswith("2 learners")
