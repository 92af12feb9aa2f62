"""Gradescope's ``results.json`` (autograder specification: top-level score, one test per check).

The top-level ``score`` is the grader's total, so Gradescope does not re-add the tests' rounded shares.
A skipped check is a test worth 0 of 0 with no status (Gradescope knows only passed and failed; a skip
is neither). An exercise not graded check by check (not started, does not load) is one failed test.
``stdout_visibility`` is hidden: in-process, the learner's own prints land on stdout.
"""

from __future__ import annotations

import json
import math
from typing import Any

from grader.printable import printable
from grader.reports import provenance, status_label, weak_warning
from grader.results import Status
from grader.score import ExerciseReport, Report


def to_dict(report: Report) -> dict[str, Any]:
    tests: list[dict[str, Any]] = []
    for number, exercise in enumerate(report.exercises, start=1):
        tests.extend(_tests(exercise, number, report.lang))
    warning = weak_warning(report)
    return {
        "score": report.score,
        "execution_time": math.ceil(report.duration_s),
        "output": "\n".join(
            [f"{report.score:g} / {report.max_score:g}", provenance(report), *([warning] if warning else [])]
        ),
        "output_format": "text",
        "test_output_format": "text",
        "test_name_format": "text",
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "extra_data": {
            "max_score": report.max_score,
            "seed": report.config.public_seed,
            "settings": {
                "profile": report.config.profile,
                "max_examples": report.config.settings.max_examples,
            },
            "versions": dict(report.versions),
            "isolation": report.isolation,
            "sandbox": dict(report.sandbox),
        },
        "tests": tests,
    }


def _tests(exercise: ExerciseReport, number: int, lang: str) -> list[dict[str, Any]]:
    tags = [exercise.chapter, exercise.id]
    if not exercise.checks:
        return [
            {
                "name": f"{exercise.id} ({exercise.title}): {status_label(exercise.status, lang)}",
                "number": f"{number}",
                "score": exercise.score,
                "max_score": exercise.max_score,
                "status": "passed" if exercise.passed else "failed",
                "output": exercise.message,
                "tags": tags,
                "visibility": "visible",
            }
        ]
    tests = []
    for index, check in enumerate(exercise.checks, start=1):
        test: dict[str, Any] = {
            "name": f"{exercise.id} › {check.name}",
            "number": f"{number}.{index}",
            "score": check.points,
            "max_score": check.max_points,
            "output": check.message,
            "tags": tags,
            "visibility": "visible",
        }
        if check.status != Status.SKIPPED:
            test["status"] = "passed" if check.passed else "failed"
        tests.append(test)
    return tests


def render(report: Report) -> str:
    return json.dumps(printable(to_dict(report)), ensure_ascii=False, indent=2) + "\n"
