"""The gradebook out: CSV in the shapes an LMS imports, and a table in the terminal.

Shapes (docs/batch.md, "Export", has an example of each):

- ``plain``: ``learner,status,total,max,<exercise>...`` (one column per exercise, its points);
- ``canvas``: Canvas's gradebook import: ``Student,ID,SIS User ID,SIS Login ID,Section,<assignment>``
  (the learner id from a Canvas export is its user id: the ID column);
- ``gradescope``: Gradescope's score upload: ``SID,Email,Total Score,<exercise>...``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from grader.batch.gradebook import exercise_ids

SHAPES = ("plain", "canvas", "gradescope")


def to_csv(rows: Sequence[dict[str, Any]], shape: str = "plain", assignment: str = "grader") -> str:
    if shape not in SHAPES:
        raise ValueError(f"Expected a CSV shape among {', '.join(SHAPES)} but got {shape!r}")
    exercises = exercise_ids(rows)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if shape == "plain":
        writer.writerow(["learner", "status", "total", "max", *exercises])
        for r in rows:
            points = [_points(r, e) for e in exercises]
            writer.writerow([r["learner"], r["status"], _num(r["score"]), _num(r["max_score"]), *points])
    elif shape == "canvas":
        writer.writerow(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", assignment])
        writer.writerow(
            ["Points Possible", "", "", "", "", _num(max((r["max_score"] for r in rows), default=0))]
        )
        for r in rows:
            writer.writerow(["", r["learner"], "", "", "", _num(r["score"])])
    else:
        writer.writerow(["SID", "Email", "Total Score", *exercises])
        for r in rows:
            writer.writerow([r["learner"], "", _num(r["score"]), *[_points(r, e) for e in exercises]])
    return out.getvalue()


def _points(row: dict[str, Any], exercise: str) -> str:
    graded = row["exercises"].get(exercise)
    return _num(graded["score"]) if graded else ""


def _num(value: float) -> str:
    return f"{value:g}"


def table(rows: Sequence[dict[str, Any]], runs: Sequence[Any]) -> str:
    """``grader gradebook show``: the runs, then one line per learner."""
    lines = []
    for run in runs:
        state = "finished" if run["finished"] else "unfinished (rerun the same command to resume)"
        lines.append(
            f"run {run['id']}: {run['started']} · course {run['course_name']} {run['course_version']} ·"
            f" grader {run['grader_version']} ({run['grader_digest'][:19]}) · seed {run['seed']} · {state}"
        )
    if lines:
        lines.append("")
    width = max((len(r["learner"]) for r in rows), default=7)
    lines.append(f"{'learner':<{width}}  {'status':<18} {'points':>13}")
    for r in rows:
        points = f"{r['score']:g}/{r['max_score']:g}" if r["status"] == "graded" else "-"
        lines.append(f"{r['learner']:<{width}}  {r['status']:<18} {points:>13}")
        if r["message"]:
            lines.append(f"{'':<{width}}  {r['message'].splitlines()[0][:200]}")
    lines.append(f"\n{len(rows)} learners")
    return "\n".join(lines)
