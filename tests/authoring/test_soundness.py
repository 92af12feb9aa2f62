"""``grader check``: each kind of unsound exercise is found, and the message names the file and the fix."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from grader import runner
from grader.authoring import soundness
from grader.authoring.cli import main
from grader.authoring.soundness import Finding, behaviour_findings, start_stub, static_findings
from grader.cases import Case, ramp
from grader.catalog import by_id, load_catalog
from grader.loader import REPO_ROOT, is_not_started
from grader.spec import Raises

ENTRY = """
[[exercise]]
id = "{id}"
points = 10
seed = "{seed}"
forbidden = {forbidden}
title = {{ en = "{title_en}", zh = "{title_zh}" }}
statement = {{ en = "Return x.", zh = "返回 x。" }}
hints = [{{ en = "{hint_en}", zh = "提示" }}]
"""
GOOD = {"seed": "000 §2.4", "forbidden": "[]", "title_en": "Title", "title_zh": "标题", "hint_en": "Hint."}


def make_tree(root: Path, entries: dict[str, dict[str, str]], chapter: str = "01_demo") -> Path:
    """A checkout holding one chapter: the entries, each with all four parts unless told otherwise."""
    (root / "grader" / "catalog").mkdir(parents=True)
    (root / "grader" / "specs").mkdir(parents=True)
    text = "".join(ENTRY.format(id=i, **{**GOOD, **fields}) for i, fields in entries.items())
    (root / "grader" / "catalog" / f"{chapter}.toml").write_text(text, encoding="utf-8")
    for exercise_id in entries:
        for tree in ("exercises", "reference"):
            (root / tree / chapter).mkdir(parents=True, exist_ok=True)
            (root / tree / chapter / f"{exercise_id}.py").write_text("", encoding="utf-8")
        (root / "grader" / "specs" / f"{exercise_id}.py").write_text("CHECKS = ()\n", encoding="utf-8")
    return root


def errors(findings: list[Finding]) -> list[str]:
    return [f.text for f in findings if f.level == "error"]


def test_a_complete_exercise_is_statically_sound(tmp_path: Path) -> None:
    root = make_tree(tmp_path, {"fine": {}})
    assert errors(static_findings(root, load_catalog(root / "grader" / "catalog"))) == []


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({"title_zh": "Title"}, "title.zh of bad has no Chinese characters"),
        ({"title_zh": ""}, "title.zh of bad is empty"),
        ({"hint_en": ""}, "hints[0].en of bad is empty"),
        ({"seed": "§2.4"}, "expected a tutorial and a section such as '000 §2.4'"),
        ({"seed": "007 §1"}, "points to tutorial 007"),
        ({"forbidden": '["torch..mm"]'}, "forbidden pattern 'torch..mm'"),
        ({"title_en": "TODO(grader new): a title"}, "still holds the scaffold's TODO(grader new)"),
    ],
)
def test_bad_metadata_is_named_with_its_fix(tmp_path: Path, fields: dict[str, str], says: str) -> None:
    root = make_tree(tmp_path, {"bad": fields})
    found = errors(static_findings(root, load_catalog(root / "grader" / "catalog")))
    assert any(says in text and "01_demo.toml" in text for text in found), found


def test_missing_parts_and_orphans_are_found(tmp_path: Path) -> None:
    root = make_tree(tmp_path, {"one": {}, "two": {}})
    (root / "reference" / "01_demo" / "one.py").unlink()
    (root / "grader" / "specs" / "two.py").unlink()
    (root / "exercises" / "01_demo" / "stray.py").write_text("", encoding="utf-8")
    (root / "grader" / "specs" / "stray_spec.py").write_text("", encoding="utf-8")
    (root / "exercises" / "02_other").mkdir()
    (root / "exercises" / "02_other" / "two.py").write_text("", encoding="utf-8")
    found = errors(static_findings(root, load_catalog(root / "grader" / "catalog")))
    assert any("missing reference reference/01_demo/one.py" in t for t in found), found
    assert any("missing spec grader/specs/two.py" in t for t in found), found
    assert any("orphan file exercises/01_demo/stray.py" in t for t in found), found
    assert any("orphan spec grader/specs/stray_spec.py" in t for t in found), found
    assert any("exercises/02_other/two.py: the catalog puts two in chapter 01_demo" in t for t in found), (
        found
    )


def test_seed_files_are_looked_up_next_to_the_checkout(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "main", {"one": {"seed": "003 §1"}})
    exercises = load_catalog(root / "grader" / "catalog")
    notes = [f.text for f in static_findings(root, exercises) if f.level == "note"]
    assert any("seed sections not verified" in n for n in notes)
    seeds = tmp_path / "shared" / "seeds"
    seeds.mkdir(parents=True)
    (seeds / "000_abc.txt").write_text("", encoding="utf-8")
    assert any("no tutorial 003*" in t for t in errors(static_findings(root, exercises)))
    (seeds / "003_def.txt").write_text("", encoding="utf-8")
    assert static_findings(root, exercises) == []


def test_started_stub_is_no_longer_a_stub_but_still_raises() -> None:
    exercise = by_id()["broadcast_add"]
    source = (REPO_ROOT / "exercises" / exercise.relpath).read_text(encoding="utf-8")
    started = start_stub(source, exercise.entry)
    body = next(n for n in ast.parse(started).body if isinstance(n, ast.FunctionDef)).body
    assert [type(s) for s in body] == [ast.Assign, ast.Raise]


def test_the_shipped_exercise_is_sound_and_its_forbidden_reference_is_exempt() -> None:
    found = behaviour_findings(by_id()["broadcast_add"], REPO_ROOT, max_examples=5)
    assert errors(found) == []
    assert [f.text for f in found if f.level == "note"] == [
        "the reference uses forbidden APIs (exempt): line 8 `torch.broadcast_tensors`"
    ]
    assert is_not_started(by_id()["broadcast_add"], REPO_ROOT / "exercises")


def test_a_check_the_started_stub_passes_is_unsound(monkeypatch: pytest.MonkeyPatch) -> None:
    # NotImplementedError is an Exception: a check that accepts any exception passes an untouched stub
    weak = Raises(name="rejects_anything", error=Exception, examples=(Case.of(a=ramp(2, 3), b=ramp(2)),))
    monkeypatch.setattr(runner, "load_checks", lambda exercise: (weak,))
    found = errors(behaviour_findings(by_id()["broadcast_add"], REPO_ROOT, max_examples=5))
    assert len(found) == 1 and "a just-started stub passes rejects_anything" in found[0], found
    assert "exercises/02_broadcasting/broadcast_add.py" in found[0]


def test_a_check_the_reference_fails_is_unsound(monkeypatch: pytest.MonkeyPatch) -> None:
    wrong = Raises(name="rejects_good_shapes", error=ValueError, examples=(Case.of(a=ramp(2, 3), b=ramp(3)),))
    monkeypatch.setattr(runner, "load_checks", lambda exercise: (wrong,))
    found = errors(behaviour_findings(by_id()["broadcast_add"], REPO_ROOT, max_examples=5))
    assert any(
        "the reference did not raise ValueError" in t and "fix the reference or the spec" in t for t in found
    )


def test_an_unknown_exercise_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    run = soundness.check(exercise_ids=["no_such_exercise"], behaviour=False)
    assert not run.sound and "no exercise 'no_such_exercise'" in run.findings[0].text
    assert main(["check", "--exercise", "broadcast_ad"]) == 2
    assert "did you mean broadcast_add" in capsys.readouterr().err


def test_check_command_reports_a_sound_exercise(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--exercise", "make_grid", "--jobs", "1", "--max-examples", "5"]) == 0
    out = capsys.readouterr().out
    assert "ok   01_tensors/make_grid" in out and "1/1 exercises sound; the set is sound" in out
