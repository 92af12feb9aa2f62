"""``grader score`` and ``grader list`` from the command line, and the CI workflow template."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from score_helpers import (
    FAST,
    ROOT,
    exercise_args,
    exercises,
    ids,
    load_json,
    make_tree,
    stub,
    validate,
    wrong,
)

from grader import course
from grader.cli import main

TEMPLATE = ROOT / "grader" / "templates" / "grade.yml"  # the learners' advisory workflow


@pytest.fixture(autouse=True)
def no_grader_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The developer's own GRADER_* settings (tox passes them through) must not change these tests."""
    for name in [n for n in os.environ if n.startswith("GRADER_")]:
        monkeypatch.delenv(name)


def test_list_shows_every_exercise_in_course_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--json", "--lang", "zh"]) == 0
    rows = json.loads(capsys.readouterr().out)
    every = course.active().exercises
    assert [r["id"] for r in rows] == [e.id for e in every]
    first = rows[0]
    assert first == {
        "id": every[0].id,
        "chapter": every[0].chapter,
        "path": f"{every[0].chapter}/{every[0].id}.py",
        "title": every[0].title.zh,
        "points": every[0].points,
    }
    assert main(["list"]) == 0
    assert every[0].title.en in capsys.readouterr().out


def test_score_writes_every_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    found = exercises()
    tree = make_tree(tmp_path / "tree", {found[0]: wrong(found[0]), **{e: stub(e) for e in found[1:]}})
    out = tmp_path / "reports"  # created on demand
    paths = {name: out / f"r.{name}" for name in ("json", "gradescope", "junit", "markdown")}
    args = ["score", str(tree), *exercise_args(found), *FAST]
    assert main(args + [a for name, p in paths.items() for a in (f"--{name}", str(p))]) == 0

    data = validate(load_json(paths["json"]))
    assert [e["id"] for e in data["exercises"]] == ids(found)
    assert data["settings"]["exercises"] == ids(found) and data["seed"] == 1
    assert data["exercises"][0]["status"] == "failed"
    assert data["score"] < data["max_score"]
    assert load_json(paths["gradescope"])["score"] == data["score"]
    assert len(ET.parse(paths["junit"]).getroot().findall("testsuite")) == len(found)
    assert "<details>" in paths["markdown"].read_text(encoding="utf-8")

    printed = capsys.readouterr().out
    failed = next(c for c in data["exercises"][0]["checks"] if not c["passed"])
    assert failed["message"] in printed  # the feedback, word for word
    assert re.search(rf"{found[0].id}\s+failed", printed)
    assert f"points {data['score']:g}/{data['max_score']:g}" in printed


def test_score_never_takes_a_course_from_the_graded_tree_nor_this_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The tree carries a course of its own (its reference is the wrong answer): graded against the
    installed course all the same, and every report says what was ignored. The person running the grader
    may still name that course with --course."""
    from test_course import make_course

    target = exercises()[0]
    tree = make_tree(tmp_path / "tree", {target: wrong(target)})
    make_course(tree, "carried")
    monkeypatch.chdir(tree)
    out, summary = tmp_path / "r.json", tmp_path / "summary.md"
    args = ["score", ".", "--exercise", target.id, *FAST, "--in-process", "--allow-weak-isolation"]
    assert main([*args, "--json", str(out), "--markdown", str(summary)]) == 0
    report = validate(load_json(out))
    assert [e["id"] for e in report["exercises"]] == [target.id] and report["score"] == 0
    assert report["course"]["name"] == "pytorch-basics"
    assert report["course"]["ignored"] == [str(tree.resolve() / "course.toml")]
    assert "ignored the course files found with the submission" in capsys.readouterr().out
    assert "ignored the course files found with the submission" in summary.read_text()
    assert main(["score", "exercises", "--course", str(tree), *FAST, "--in-process", "--json", str(out)]) == 0
    chosen = load_json(out)
    assert chosen["course"]["name"] == "carried" and chosen["course"]["ignored"] == []
    assert [e["id"] for e in chosen["exercises"]] == ["twice"]
    capsys.readouterr()
    assert main(["list", "--json"]) == 0  # the instructor's and learner's commands keep their discovery
    assert [row["id"] for row in json.loads(capsys.readouterr().out)] == ["twice"]


def test_fail_under_decides_the_exit_status(tmp_path: Path) -> None:
    found = exercises()
    tree = make_tree(tmp_path, {e: stub(e) for e in found})
    args = ["score", str(tree), *exercise_args(found), *FAST]
    assert main(args) == 0  # a zero score is still a run that worked
    assert main([*args, "--fail-under", "50"]) == 1
    assert main([*args, "--fail-under", "0"]) == 0


def test_a_secret_seed_never_shows(tmp_path: Path, monkeypatch, capsys: pytest.CaptureFixture[str]) -> None:
    found = exercises()
    tree = make_tree(tmp_path / "tree", {e: wrong(e) for e in found})
    monkeypatch.setenv("GRADER_SEED", "918273645")
    out = tmp_path / "r.json"
    assert main(["score", str(tree), *exercise_args(found), "--max-examples", "5", "--json", str(out)]) == 0
    assert validate(load_json(out))["seed"] == "secret"
    assert "918273645" not in out.read_text() + capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "env", "says"),
    [
        (["score", "{tmp}/nowhere"], {}, "directory laid out like exercises/"),
        (["score", "{tmp}"], {}, "Expected exercise files such as"),
        (["score", "{tree}", "--exercise", "no_such_exercise"], {}, "`grader list` shows every id"),
        (["score", "{tree}", "--json", "{tmp}"], {}, "is a directory"),
        (["score", "{tree}", "--json", "{afile}/r.json"], {}, "writable path"),
        (["score", "{tree}"], {"GRADER_SEED": "open sesame"}, "not shown: it is secret"),
        (["score", "{tree}"], {"GRADER_LANG": "fr"}, "--lang en or --lang zh"),
    ],
)
def test_when_grading_cannot_run_exit_2_with_what_to_do(
    args: list[str], env: dict, says: str, tmp_path: Path, monkeypatch, capsys: pytest.CaptureFixture[str]
) -> None:
    found = exercises()
    tree = make_tree(tmp_path / "tree", {e: stub(e) for e in found})
    afile = tmp_path / "afile"  # a file where a folder should be: unwritable, even for root
    afile.write_text("")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    filled = [a.format(tmp=tmp_path / "empty", tree=tree, afile=afile) for a in args]
    (tmp_path / "empty").mkdir()
    assert main(filled) == 2
    captured = capsys.readouterr()
    assert says in captured.err and "Traceback" not in captured.err
    assert "open sesame" not in captured.err + captured.out


def test_bad_arguments_exit_2_without_a_traceback() -> None:
    for args in (["score", "--fail-under", "120"], ["score", "--lang", "fr"], ["frobnicate"]):
        with pytest.raises(SystemExit) as info:
            main(args)
        assert info.value.code == 2


def test_the_module_runs_as_a_program(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "grader.cli", "score", str(tmp_path / "nowhere")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr and "grader: error:" in run.stderr


# -- the CI workflow template ----------------------------------------------------------------------------


def workflow_steps(text: str) -> list[dict[str, str]]:
    """Each step's ``name`` and ``run`` (plain, or a ``|`` block) from a GitHub Actions workflow.

    A deliberately tiny reader for this one template (PyYAML is no dependency); it is checked against
    PyYAML where that is installed.
    """
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "steps:")
    item_indent = len(lines[start + 1]) - len(lines[start + 1].lstrip())
    steps: list[dict[str, str]] = []
    i = start + 1
    while i < len(lines):
        line = lines[i]
        indent = len(line) - len(line.lstrip())
        if line.strip() and indent < item_indent:
            break  # the end of the steps
        if line.strip().startswith("- ") and indent == item_indent:
            steps.append({})
            line = " " * (indent + 2) + line.strip()[2:]
        field = re.match(rf"^ {{{item_indent + 2}}}(name|run): ?(.*)$", line)
        i += 1
        if not field:
            continue
        key, value = field.groups()
        if value == "|":  # a literal block: the more-indented lines that follow, newline-terminated
            block = []
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith(" " * (item_indent + 3))):
                block.append(lines[i])
                i += 1
            depth = min(len(b) - len(b.lstrip()) for b in block if b.strip())
            value = "\n".join(b[depth:] for b in block).rstrip("\n") + "\n"
        steps[-1][key] = value
    return steps


def learners_workflow() -> str:
    """The template as `grader release` writes it for the built-in course (the course named)."""
    from grader.authoring.release import workflow

    return workflow("pytorch-basics")


def test_the_tiny_workflow_reader_agrees_with_pyyaml() -> None:
    yaml = pytest.importorskip("yaml")
    parsed = yaml.safe_load(learners_workflow())
    (job,) = parsed["jobs"].values()
    expected = [{k: v for k, v in step.items() if k in ("name", "run")} for step in job["steps"]]
    assert workflow_steps(learners_workflow()) == expected


def test_the_workflow_template_grades_a_learner_repository(tmp_path: Path) -> None:
    """Runs every ``run:`` step but the install (no network here) in a learner's repository: advisory,
    public checks, the course named, no secret (the score that counts: tests/authoring/test_withheld.py)."""
    steps = [s for s in workflow_steps(learners_workflow()) if "run" in s]
    install = [s for s in steps if s.get("name", "").startswith("Install")]
    assert install and '"$GRADER_PACKAGE"' in install[0]["run"]
    to_run = [s for s in steps if s not in install]
    assert to_run and any(
        "grader score" in s["run"] and "--course pytorch-basics" in s["run"] for s in to_run
    )
    assert "secrets." not in learners_workflow() and "--profile ci" not in learners_workflow()
    assert not any("${{" in s["run"] for s in steps)  # expressions belong in env:, not in shell lines

    found = exercises()  # the catalog's other exercises are missing here: graded as errors, quickly
    repo = tmp_path / "learner"
    make_tree(repo / "exercises", {found[0]: wrong(found[0]), **{e: stub(e) for e in found[1:]}})
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "grader"  # what `pip install` would put on PATH
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m grader.cli "$@"\n')
    shim.chmod(0o755)
    summary = tmp_path / "step_summary.md"
    summary.touch()
    base_env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(ROOT),
        "GITHUB_STEP_SUMMARY": str(summary),
        "GRADER_SEED": "4242",
        "GRADER_MAX_EXAMPLES": "5",  # keep the test fast; the ci profile's 100 are tested elsewhere
        "GRADER_LANG": "en",
        "REPORTS": "grader-reports",
    }
    for fail_under, expected_rc in (("", 0), ("99", 0)):  # advisory: never fails the learner's job
        env = {**base_env, "GRADER_FAIL_UNDER": fail_under}
        for step in to_run:
            run = subprocess.run(
                ["bash", "-eo", "pipefail", "-c", step["run"]],
                cwd=repo,
                env=env,
                capture_output=True,
                text=True,
                timeout=600,
            )
            want = expected_rc if "grader score" in step["run"] else 0  # --fail-under fails grading only
            assert run.returncode == want, run.stdout[-2000:] + run.stderr[-2000:]
            assert "Traceback" not in run.stderr
        data = validate(load_json(repo / "grader-reports" / "result.json"))
        assert data["seed"] == "secret" and data["settings"]["profile"] == "local"
        ET.parse(repo / "grader-reports" / "junit.xml")
        assert "| **Total** |" in summary.read_text(encoding="utf-8")


def test_a_lone_surrogate_in_learner_text_costs_no_report(tmp_path: Path) -> None:
    """An exception message holding a lone surrogate (sent by the sandboxed child as JSON's \\ud800) once
    stopped every report from being written, with a traceback, leaving whatever was at the report path."""
    target = course.active().get("replace_where")
    source = "def replace_where(x, mask, value):\n    raise ValueError('\\ud800 forged')\n"
    tree = make_tree(tmp_path / "tree", {target: source})
    out = tmp_path / "grader-reports" / "result.json"
    out.parent.mkdir()
    out.write_text('{"score": 20, "max_score": 20}')  # committed in the learner's repository
    args = ["score", str(tree), "--exercise", target.id, "--max-examples", "5", "--json", str(out)]
    assert main(args) == 0
    report = validate(load_json(out))
    (graded,) = report["exercises"]
    assert graded["score"] == 0 and "? forged" in json.dumps(report, ensure_ascii=False)


def test_a_run_that_fails_leaves_no_report_behind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "result.json"
    out.write_text('{"score": 20, "max_score": 20}')
    (tmp_path / "link.json").symlink_to(tmp_path / "elsewhere.json")
    args = ["score", str(tmp_path / "nowhere"), "--json", str(out), "--junit", str(tmp_path / "link.json")]
    assert main(args) == 2
    assert not out.exists() and not (tmp_path / "link.json").exists()
    assert not (tmp_path / "elsewhere.json").exists()  # a link is removed, never followed
