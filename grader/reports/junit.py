"""JUnit XML: one ``<testsuite>`` per exercise, one ``<testcase>`` per check.

The shape common CI parsers read (GitHub test reporters, GitLab, Jenkins): a failed or not-started check
is a ``<failure>``, an exercise that could not be run (error, timeout, the sandbox's statuses) an
``<error>``, a skipped check ``<skipped>``. Points go in each suite's ``<properties>``. Characters XML 1.0
cannot hold (a learner's exception message may carry any) are replaced.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from grader.printable import printable
from grader.reports import points
from grader.results import Status
from grader.score import ExerciseReport, Report

FAILURE_STATUSES = (Status.FAILED, Status.NOT_STARTED)  # the learner's to fix; any other status is an error
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", printable(text))


def render(report: Report) -> str:
    suites = [_suite(e, report) for e in report.exercises]
    root = ET.Element("testsuites", name="grader", time=f"{report.duration_s:.3f}")
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in suites)))
    root.extend(suites)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(exercise: ExerciseReport, report: Report) -> ET.Element:
    classname = f"{exercise.chapter}.{exercise.id}"
    suite = ET.Element("testsuite", name=classname, timestamp=report.timestamp.removesuffix("Z"))
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("status", exercise.status),
        ("score", points(exercise.score)),
        ("max_score", points(exercise.max_score)),
        ("seed", str(report.config.public_seed)),
        ("max_examples", str(report.config.settings.max_examples)),
        ("grader", report.versions["grader"]),
        ("isolation", report.isolation),
        ("score_protected", "false" if report.weak else "true"),
    ):
        ET.SubElement(properties, "property", name=name, value=value)
    cases = [(c.name, c.status, c.message) for c in exercise.checks]
    if not cases:  # not graded check by check: one case stands for the whole exercise, as in pytest
        cases = [(exercise.status, exercise.status, exercise.message)]
    counts = {"failures": 0, "errors": 0, "skipped": 0}
    for name, status, message in cases:
        case = ET.SubElement(suite, "testcase", classname=classname, name=name)
        kind = _outcome(status)
        if kind is None:
            continue
        counts[{"failure": "failures", "error": "errors", "skipped": "skipped"}[kind]] += 1
        element = ET.SubElement(case, kind, message=clean(_headline(message) or status), type=status)
        element.text = clean(message)
    suite.set("tests", str(len(cases)))
    for key, value in counts.items():
        suite.set(key, str(value))
    suite.set("time", f"{exercise.duration_s:.3f}")
    return suite


def _headline(message: str) -> str:
    """The line that says what is wrong: feedback opens with "exercise (title) › check", then the problem."""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    return lines[1] if len(lines) > 1 else (lines[0] if lines else "")


def _outcome(status: Status) -> str | None:
    if status == Status.PASSED:
        return None
    if status == Status.SKIPPED:
        return "skipped"
    return "failure" if status in FAILURE_STATUSES else "error"
