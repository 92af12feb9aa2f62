"""The report formats, written from one hand-made Report that holds every kind of outcome.

Nothing is graded here (fast): the results are built directly, so each format is checked against known
statuses, points and messages.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import jsonschema
import pytest
from score_helpers import validate

from grader import catalog, course
from grader.i18n import say
from grader.loader import IMPORT_ERROR, NOT_STARTED
from grader.reports import gradescope, json_report, junit, markdown, status_label, terminal
from grader.results import LABELS, Status
from grader.runner import SKIPPED_NO_CUDA, CheckResult, ExerciseResult, Failure, Settings
from grader.score import (
    Report,
    RunConfig,
    device,
    exercise_report,
    versions,
)

NASTY = "got a `tensor` | with ``` fences and a \x00 control character"


def _result(exercise: catalog.Exercise, kind: str) -> ExerciseResult:
    def check(name, status, points, why=None, gate=False):
        failure = Failure(say(why, why), case_source="a = torch.zeros(2)") if why else None
        return CheckResult(
            exercise.id, name, status, points if status == "passed" else 0, points, failure, gate
        )

    if kind == "passed":
        return ExerciseResult(
            exercise, "passed", (check("values", "passed", 3), check("errors", "passed", 1))
        )
    if kind == "failed":
        checks = (check("values", "passed", 3), check("errors", "failed", 1, why=NASTY))
        return ExerciseResult(exercise, "failed", checks)
    if kind == "skipped_check":
        skipped = CheckResult(exercise.id, "on_gpu", "skipped", 0, 0, Failure(SKIPPED_NO_CUDA))
        return ExerciseResult(exercise, "passed", (check("values", "passed", 3), skipped))
    if kind == "gated":
        checks = (check("allowed_apis", "failed", 0, why="line 3: `torch.broadcast_to`", gate=True),)
        return ExerciseResult(exercise, "failed", (*checks, check("values", "passed", 3)))
    if kind == "not_started":
        return ExerciseResult(exercise, "not_started", problem=NOT_STARTED(path=str(exercise.relpath)))
    return ExerciseResult(exercise, "error", problem=IMPORT_ERROR(path="p.py", error="SyntaxError: x"))


KINDS = ("passed", "failed", "skipped_check", "gated", "not_started", "error")


def make_report(lang: str = "en", config: RunConfig | None = None) -> Report:
    every = course.active().exercises
    exercises = tuple(
        exercise_report(_result(every[i % len(every)], kind), lang, 0.25) for i, kind in enumerate(KINDS)
    )
    return Report(
        score=round(sum(e.score for e in exercises), 2),
        max_score=sum(e.max_score for e in exercises),
        exercises=exercises,
        config=config or RunConfig(Settings(max_examples=7, seed=3), "ci"),
        selection=None,
        lang=lang,
        versions=versions(),
        device=device(),
        timestamp="2026-01-02T03:04:05Z",
        duration_s=1.5,
    )


@pytest.fixture(scope="module")
def report() -> Report:
    return make_report()


# -- the grader's JSON ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_json_result_follows_the_schema(lang: str) -> None:
    data = validate(json.loads(json_report.render(make_report(lang))))
    assert data["schema_version"] == "1" and data["isolation"] == "in-process"
    assert data["settings"] == {"profile": "ci", "max_examples": 7, "exercises": None}
    assert [e["status"] for e in data["exercises"]] == [
        "passed", "failed", "passed", "failed", "not_started", "error",
    ]  # fmt: skip
    assert data["score"] == sum(e["score"] for e in data["exercises"])
    assert set(data["versions"]) >= {"grader", "torch", "python", "hypothesis"}


def test_json_shows_a_secret_seed_only_as_secret() -> None:
    config = RunConfig(Settings(max_examples=7, seed=918273645), "ci", seed_from_env=True)
    secret = make_report(config=config)
    for render in (json_report.render, gradescope.render, junit.render, markdown.render):
        assert "918273645" not in render(secret)
    assert json.loads(json_report.render(secret))["seed"] == "secret"
    assert "918273645" not in terminal.header(config, "en") + terminal.closing(secret)


def test_the_schema_rejects_what_it_should(report: Report) -> None:
    good = json_report.to_dict(report)
    broken = [
        {**good, "schema_version": "2"},
        {**good, "seed": "12"},
        {k: v for k, v in good.items() if k != "versions"},
    ]
    check = dict(good["exercises"][1]["checks"][1])  # a failed check
    broken.append({**good, "exercises": [{**good["exercises"][1], "checks": [{**check, "passed": True}]}]})
    broken.append({**good, "exercises": [{**good["exercises"][1], "status": "graded"}]})
    for data in broken:
        with pytest.raises(jsonschema.ValidationError):
            validate(data)


def test_timings_stay_out_of_the_verdicts(report: Report) -> None:
    data = json_report.to_dict(report)
    later = json.loads(json.dumps(data))
    later["timestamp"], later["timings"]["total_s"] = "2027-01-01T00:00:00Z", 99.0
    later["exercises"][0]["timings"]["total_s"] = 42.0
    assert json_report.verdicts(data) == json_report.verdicts(later)
    later["exercises"][1]["checks"][1]["message"] = "other"
    assert json_report.verdicts(data) != json_report.verdicts(later)


def test_points_per_check_skips_and_gates(report: Report) -> None:
    _, failed, skipped, gated, not_started, error = report.exercises
    assert [c.points for c in failed.checks] == [failed.max_score * 0.75, 0]
    assert failed.score == failed.max_score * 0.75
    on_gpu = skipped.checks[1]
    assert (on_gpu.status, on_gpu.passed, on_gpu.max_points) == ("skipped", False, 0)
    assert "CUDA" in on_gpu.message and skipped.score == skipped.max_score
    assert gated.score == 0 and all(c.points == 0 for c in gated.checks)
    assert not_started.checks == () and "NotImplementedError" in not_started.message
    assert error.status == "error" and "SyntaxError" in error.message


def test_every_status_has_a_label_in_both_languages() -> None:
    assert LABELS.keys() == set(Status)
    schema = json_report.schema()
    assert set(schema["$defs"]["status"]["enum"]) == set(Status)  # what the JSON may say, no more
    assert status_label("not_started", "zh") == "尚未开始"


# -- Gradescope -----------------------------------------------------------------------------------------


def test_gradescope_results(report: Report) -> None:
    data = json.loads(gradescope.render(report))
    assert data["score"] == report.score
    assert isinstance(data["execution_time"], int) and data["stdout_visibility"] == "hidden"
    assert data["extra_data"]["seed"] == 3 and data["extra_data"]["versions"]["grader"]
    tests = data["tests"]
    expected = sum(len(e.checks) or 1 for e in report.exercises)
    assert len(tests) == expected
    for test in tests:
        assert {"name", "score", "max_score", "output", "visibility", "number"} <= test.keys()
        assert test.get("status", "passed") in ("passed", "failed")
        assert 0 <= test["score"] <= test["max_score"]
    skipped = [t for t in tests if "on_gpu" in t["name"]]
    assert skipped and "status" not in skipped[0] and skipped[0]["max_score"] == 0
    not_started = next(t for t in tests if "not started" in t["name"])
    assert not_started["status"] == "failed" and not_started["max_score"] > 0
    failing = next(t for t in tests if t.get("status") == "failed" and "errors" in t["name"])
    assert NASTY.split("|")[0] in failing["output"]


# -- JUnit XML ------------------------------------------------------------------------------------------


def test_junit_has_a_suite_per_exercise_and_a_case_per_check(report: Report) -> None:
    text = junit.render(report)
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == len(report.exercises)
    for suite, exercise in zip(suites, report.exercises, strict=True):
        cases = suite.findall("testcase")
        assert len(cases) == int(suite.get("tests")) == (len(exercise.checks) or 1)
        for kind, key in (("failure", "failures"), ("error", "errors"), ("skipped", "skipped")):
            assert len(suite.findall(f"testcase/{kind}")) == int(suite.get(key))
        properties = {p.get("name"): p.get("value") for p in suite.find("properties")}
        assert (
            properties["status"] == exercise.status and float(properties["max_score"]) == exercise.max_score
        )
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites)
    failure = root.find(".//testcase[@name='errors']/failure")
    assert failure is not None and failure.get("message").startswith("got a `tensor`")
    assert "\x00" not in text and "a  control character" in failure.text  # stripped (grader.printable)
    assert root.find(".//testcase[@name='error']/error") is not None  # could not load: an error
    assert root.find(".//testcase[@name='not_started']/failure") is not None
    assert root.find(".//testcase[@name='on_gpu']/skipped") is not None


# -- Markdown -------------------------------------------------------------------------------------------


def test_markdown_summary(report: Report) -> None:
    text = markdown.render(report)
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert len(rows) == 1 + len(report.exercises) + 1  # header, exercises, total
    assert "**Total**" in rows[-1] and f"**{report.score:g} / {report.max_score:g}**" in rows[-1]
    assert all(row.count(" | ") == 3 for row in rows[1:])  # a | inside a title would break the table
    assert text.count("<details>") == text.count("</details>") == 3  # failed check, gate, load error
    fences = re.findall(r"^(`{3,})text$", text, flags=re.M)
    assert fences and max(map(len, fences)) > 3  # longer than the ``` inside the feedback
    assert "not started" in text and "NotImplementedError" not in text  # no details for a stub
    assert "seed 3" in text


def test_markdown_stays_under_githubs_summary_limit() -> None:
    huge = make_report()
    failed = huge.exercises[1]
    long_message = "x" * 5000 + "\n" + "界" * 5000
    checks = tuple(replace(c, message=long_message) if not c.passed else c for c in failed.checks)
    many = tuple(replace(failed, checks=checks) for _ in range(300))
    text = markdown.render(replace(huge, exercises=many))
    assert len(text.encode("utf-8")) <= markdown.MAX_BYTES
    assert "more (GitHub shows at most 1 MiB here)" in text and text.rstrip().endswith("</sub>")


def test_markdown_in_chinese() -> None:
    text = markdown.render(make_report("zh"))
    assert "评分" in text and "总计" in text and "尚未开始" in text


# -- learner text never drives the reader's terminal ----------------------------------------------------

# What a submission put in its exception message: clear the screen, home the cursor, draw a fake run,
# set the window title (OSC), a C1 CSI, a carriage return that overwrites a line, and a bidi override.
SCREEN_TAKEOVER = (
    "\x1b[2J\x1b[H  ✓ every exercise   passed   100 / 100\x1b]0;all passed\x07\x9b31m\rfake"
    "\u202eevil\u2066x\u2069\x1bPdcs\x1b\\ tail"
)
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _takeover_report(lang: str = "en") -> Report:
    exercise = course.active().exercises[0]
    failure = Failure(say("raised: {error}", "抛出：{error}")(error=SCREEN_TAKEOVER))
    checks = (CheckResult(exercise.id, "values", "failed", 0, 3, failure),)
    failed = exercise_report(ExerciseResult(exercise, "failed", checks), lang, 0.1)
    broken = exercise_report(
        ExerciseResult(exercise, "error", problem=IMPORT_ERROR(path="p.py", error=SCREEN_TAKEOVER)), lang
    )
    return replace(make_report(lang), exercises=(failed, broken))


def test_control_sequences_from_learner_text_reach_no_report() -> None:
    report = _takeover_report()
    for exercise in report.exercises:  # stripped where learner text enters the report model
        for text in (exercise.message, *(c.message for c in exercise.checks)):
            assert not CONTROLS.search(text) and ("every exercise" in text or not text)
    raw = replace(
        report,
        exercises=tuple(
            replace(
                e,
                message=SCREEN_TAKEOVER,
                checks=tuple(replace(c, message=SCREEN_TAKEOVER) for c in e.checks),
            )
            for e in report.exercises
        ),
    )
    outputs = {  # and again by every writer, for whatever reaches it another way
        "terminal": terminal.closing(raw) + "".join(terminal.exercise_line(e, "en") for e in raw.exercises),
        "markdown": markdown.render(raw),
        "junit": junit.render(raw),
        "json": json.dumps(json.loads(json_report.render(raw)), ensure_ascii=False),
        "gradescope": json.dumps(json.loads(gradescope.render(raw)), ensure_ascii=False),
    }
    for name, text in outputs.items():
        assert not CONTROLS.search(text), (name, CONTROLS.findall(text))
        assert "every exercise" in text and "tail" in text, name  # the visible text is kept


def test_newlines_and_tabs_and_chinese_are_kept() -> None:
    from grader.printable import printable

    assert printable("a\tb\nc 中文 ✓") == "a\tb\nc 中文 ✓"
    assert printable("x\x1b[31;1mred\x1b[0m y\r\n") == "xred y\n"
    assert printable({"k\x07": ["\x1b]8;;http://e\x1b\\link\x1b]8;;\x1b\\", 3]}) == {"k": ["link", 3]}
    assert printable("\x1b]0;unterminated title\nreal totals") == "\nreal totals"  # never past the line
