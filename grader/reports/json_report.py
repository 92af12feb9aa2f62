"""The grader's own result: versioned JSON, described by ``grader/schemas/result.schema.json``.

Verdicts (status, passed, points, messages) depend only on the submission, the grader and the settings;
what varies from run to run (``timestamp``, ``timings``, a timed check's ``timing``) lives in fields of
its own, so two runs of the same submission with the same seed compare equal once those are dropped.
(A timed check's verdict itself rests on a measurement: see grader/timing.py for how it is kept stable.)
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from grader.printable import printable
from grader.score import SCHEMA_VERSION, CheckReport, ExerciseReport, Report

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "result.schema.json"
VARYING_FIELDS = ("timestamp", "timings")  # at the top level and in each exercise
CHECK_VARYING_FIELDS = ("timing",)  # in each check (a timed check's measurements)


def to_dict(report: Report) -> dict[str, Any]:
    settings = report.config.settings
    return {
        "schema_version": SCHEMA_VERSION,
        "score": report.score,
        "max_score": report.max_score,
        "lang": report.lang,
        "seed": report.config.public_seed,
        "settings": {
            "profile": report.config.profile,
            "max_examples": settings.max_examples,
            "exercises": list(report.selection) if report.selection is not None else None,
        },
        "versions": dict(report.versions),
        "device": dict(report.device),
        "isolation": report.isolation,
        "sandbox": dict(report.sandbox),
        "course": {**report.course, "ignored": list(report.course.get("ignored", []))},
        "timestamp": report.timestamp,
        "timings": {"total_s": report.duration_s},
        "exercises": [_exercise(e) for e in report.exercises],
    }


def _exercise(e: ExerciseReport) -> dict[str, Any]:
    return {
        "id": e.id,
        "chapter": e.chapter,
        "title": e.title,
        "path": e.path,
        "status": e.status,
        "score": e.score,
        "max_score": e.max_score,
        "message": e.message,
        "checks": [_check(c) for c in e.checks],
        "timings": {"total_s": e.duration_s},
    }


def _check(c: CheckReport) -> dict[str, Any]:
    check = {
        "name": c.name,
        "status": c.status,
        "passed": c.passed,
        "points": c.points,
        "max_points": c.max_points,
        "message": c.message,
    }
    if c.timing is not None:  # a timed check's measurements: their own field, left out of verdicts()
        check["timing"] = dict(c.timing)
    return check


def render(report: Report) -> str:
    return json.dumps(printable(to_dict(report)), ensure_ascii=False, indent=2) + "\n"


@cache
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def verdicts(data: dict[str, Any]) -> dict[str, Any]:
    """A result without what varies between runs (timestamp, timings): equal for equal verdicts."""
    kept = {k: v for k, v in data.items() if k not in VARYING_FIELDS}
    kept["exercises"] = [
        {k: v for k, v in e.items() if k not in VARYING_FIELDS} for e in data.get("exercises", [])
    ]
    for e in kept["exercises"]:
        if "checks" in e:
            e["checks"] = [{k: v for k, v in c.items() if k not in CHECK_VARYING_FIELDS} for c in e["checks"]]
    return kept
