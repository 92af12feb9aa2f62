"""``grader check``: each kind of unsound exercise is found, and the message names the file and the fix."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from grader import course, runner
from grader.authoring import soundness, stubs
from grader.authoring.cli import main
from grader.authoring.soundness import Finding, behaviour_findings, start_stub, static_findings
from grader.cases import Case, ramp
from grader.spec import Raises
from grader.stubs import is_not_started

COURSE = course.active().root  # the built-in course (this checkout's course/)
COURSE_TOML = """
[course]
name = "demo"
version = "0.1.0"
title = {{ en = "Demo", zh = "演示" }}
engine = ">=0.1"
{seeds}
{tutorials}"""
TUTORIAL = """
[[tutorial]]
number = "{number}"
title = {{ zh = "教程 {number}", en = "Tutorial {number}" }}
where = {{ en = "the course materials", zh = "课程资料" }}
"""

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


def make_tree(
    root: Path,
    entries: dict[str, dict[str, str]],
    chapter: str = "01_demo",
    seeds: str = "",
    tutorials: tuple[str, ...] = ("000", "003"),
) -> course.Course:
    """A course holding one chapter: the entries, each with all its parts unless told otherwise, and a
    [[tutorial]] table for each of ``tutorials``."""
    (root / "catalog").mkdir(parents=True)
    (root / "specs").mkdir(parents=True)
    listed = "".join(TUTORIAL.format(number=n) for n in tutorials)
    (root / "course.toml").write_text(COURSE_TOML.format(seeds=seeds, tutorials=listed), encoding="utf-8")
    text = "".join(ENTRY.format(id=i, **{**GOOD, **fields}) for i, fields in entries.items())
    (root / "catalog" / f"{chapter}.toml").write_text(text, encoding="utf-8")
    for exercise_id in entries:
        for tree in ("exercises", "reference"):
            (root / tree / chapter).mkdir(parents=True, exist_ok=True)
            (root / tree / chapter / f"{exercise_id}.py").write_text("", encoding="utf-8")
        (root / "specs" / f"{exercise_id}.py").write_text("CHECKS = ()\n", encoding="utf-8")
        (root / "submissions" / exercise_id).mkdir(parents=True)
        for kind in ("wrong", "right"):
            (root / "submissions" / exercise_id / f"{kind}_one.py").write_text("", encoding="utf-8")
    made = course.load(root)
    for exercise in made.exercises:  # stubs as grader new writes them: the docstring from the catalog
        (root / "exercises" / exercise.relpath).write_text(
            stubs.with_docstring("", exercise), encoding="utf-8"
        )
    return made


def errors(findings: list[Finding]) -> list[str]:
    return [f.text for f in findings if f.level == "error"]


def test_a_complete_exercise_is_statically_sound(tmp_path: Path) -> None:
    demo = make_tree(tmp_path, {"fine": {}})
    assert errors(static_findings(demo, demo.exercises)) == []


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({"title_zh": "Title"}, "title.zh of bad has no Chinese characters"),
        ({"title_zh": ""}, "title.zh of bad is empty"),
        ({"hint_en": ""}, "hints[0].en of bad is empty"),
        ({"seed": "§2.4"}, "expected a tutorial and a section such as '000 §2.4'"),
        ({"forbidden": '["torch..mm"]'}, "forbidden pattern 'torch..mm'"),
        ({"title_en": "TODO(grader new): a title"}, "still holds the scaffold's TODO(grader new)"),
    ],
)
def test_bad_metadata_is_named_with_its_fix(tmp_path: Path, fields: dict[str, str], says: str) -> None:
    demo = make_tree(tmp_path, {"bad": fields})
    found = errors(static_findings(demo, demo.exercises))
    assert any(says in text and "catalog/01_demo.toml" in text for text in found), found


def test_missing_parts_and_orphans_are_found(tmp_path: Path) -> None:
    demo = make_tree(tmp_path, {"one": {}, "two": {}})
    root = demo.root
    (root / "reference" / "01_demo" / "one.py").unlink()
    (root / "specs" / "two.py").unlink()
    (root / "submissions" / "two" / "right_one.py").unlink()
    (root / "exercises" / "01_demo" / "stray.py").write_text("", encoding="utf-8")
    (root / "specs" / "stray_spec.py").write_text("", encoding="utf-8")
    (root / "specs" / "_shared_helpers.py").write_text("", encoding="utf-8")  # helpers are no orphans
    (root / "submissions" / "gone").mkdir()
    (root / "exercises" / "02_other").mkdir()
    (root / "exercises" / "02_other" / "two.py").write_text("", encoding="utf-8")
    found = errors(static_findings(demo, demo.exercises))
    assert any("missing reference reference/01_demo/one.py" in t for t in found), found
    assert any("missing spec specs/two.py" in t for t in found), found
    assert any("no right sample: add submissions/two/right_<what_it_does>.py" in t for t in found), found
    assert any("orphan file exercises/01_demo/stray.py" in t for t in found), found
    assert any("orphan spec specs/stray_spec.py" in t for t in found), found
    assert not any("_shared_helpers" in t for t in found), found
    assert any("orphan samples submissions/gone/" in t for t in found), found
    assert any("exercises/02_other/two.py: the catalog puts two in chapter 01_demo" in t for t in found), (
        found
    )


def test_a_seed_must_name_a_tutorial_that_course_toml_lists(tmp_path: Path) -> None:
    demo = make_tree(tmp_path, {"one": {"seed": "004 §1"}}, tutorials=("000",))
    found = errors(static_findings(demo, demo.exercises))
    assert any(
        "seed of one cites tutorial 004, which course.toml does not list (it lists: 000)" in t for t in found
    )
    bare = make_tree(tmp_path / "none", {"one": {"seed": "000 §1"}}, tutorials=())
    assert any("add a [[tutorial]] table" in t for t in errors(static_findings(bare, bare.exercises)))


def test_a_text_that_cites_a_bare_tutorial_number_is_refused(tmp_path: Path) -> None:
    demo = make_tree(tmp_path, {"one": {"hint_en": "Reread 003 §1.2."}})
    found = errors(static_findings(demo, demo.exercises))
    assert any("hints[0].en of one cites '003 §1.2': a learner cannot look that up" in t for t in found), (
        found
    )
    assert any('e.g. "Tutorial 000", §2.4' in t for t in found), found


def test_seed_sections_are_verified_where_the_tutorials_are_at_hand(tmp_path: Path) -> None:
    unnamed = make_tree(tmp_path / "unnamed", {"one": {"seed": "003 §1"}})
    notes = [f.text for f in static_findings(unnamed, unnamed.exercises) if f.level == "note"]
    assert any("no tutorials folder (course.toml's seeds, or --tutorials FOLDER)" in n for n in notes), notes
    demo = make_tree(tmp_path / "main", {"one": {"seed": "003 §1.2, §3"}}, seeds='seeds = "tutorials"')
    notes = [f.text for f in static_findings(demo, demo.exercises) if f.level == "note"]
    assert any("seed sections not verified: no tutorials at" in n for n in notes), notes
    folder = demo.root / "tutorials"
    folder.mkdir()
    (folder / "000_abc.txt").write_text("", encoding="utf-8")
    assert any("no tutorial 003*" in t for t in errors(static_findings(demo, demo.exercises)))
    (folder / "003_def.md").write_text("# Notes\n## 1.2 Tensors\n### 2. Autograd\n", encoding="utf-8")
    found = errors(static_findings(demo, demo.exercises))
    assert any(
        "seed of one cites §3 of tutorial 003, which 003_def.md has no heading for" in t for t in found
    )
    (folder / "003_def.md").write_text("# Notes\n## 1.2 Tensors\n### 三、Autograd\n", encoding="utf-8")
    assert static_findings(demo, demo.exercises) == []


def test_check_verifies_sections_in_the_folder_given_on_its_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = make_tree(tmp_path / "course", {"one": {"seed": "003 §4"}})
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "003.txt").write_text("4 Training\n", encoding="utf-8")
    assert main(["check", "--static", "--course", str(demo.root), "--tutorials", str(tmp_path / "mine")]) == 0
    (tmp_path / "mine" / "003.txt").write_text("5 Devices\n", encoding="utf-8")
    assert main(["check", "--static", "--course", str(demo.root), "--tutorials", str(tmp_path / "mine")]) == 1
    assert "cites §4 of tutorial 003, which 003.txt has no heading for" in capsys.readouterr().out


def test_started_stub_is_no_longer_a_stub_but_still_raises() -> None:
    exercise = course.active().by_id()["broadcast_add"]
    source = (COURSE / "exercises" / exercise.relpath).read_text(encoding="utf-8")
    started = start_stub(source, exercise.entry)
    body = next(n for n in ast.parse(started).body if isinstance(n, ast.FunctionDef)).body
    assert [type(s) for s in body] == [ast.Assign, ast.Raise]


def test_the_shipped_exercise_is_sound_and_its_forbidden_reference_is_exempt() -> None:
    found = behaviour_findings(course.active().by_id()["broadcast_add"], COURSE, max_examples=5)
    assert errors(found) == []
    assert [f.text for f in found if f.level == "note"] == [
        "the reference uses forbidden APIs (exempt): line 8 `torch.broadcast_tensors`"
    ]
    assert is_not_started(course.active().by_id()["broadcast_add"], COURSE / "exercises")


def test_a_check_the_started_stub_passes_is_unsound(monkeypatch: pytest.MonkeyPatch) -> None:
    # NotImplementedError is an Exception: a check that accepts any exception passes an untouched stub
    weak = Raises(name="rejects_anything", error=Exception, examples=(Case.of(a=ramp(2, 3), b=ramp(2)),))
    monkeypatch.setattr(runner, "load_checks", lambda exercise: (weak,))
    found = errors(behaviour_findings(course.active().by_id()["broadcast_add"], COURSE, max_examples=5))
    assert "a just-started stub passes rejects_anything" in found[0], found
    assert "exercises/02_broadcasting/broadcast_add.py" in found[0]


def test_a_check_the_reference_fails_is_unsound(monkeypatch: pytest.MonkeyPatch) -> None:
    wrong = Raises(name="rejects_good_shapes", error=ValueError, examples=(Case.of(a=ramp(2, 3), b=ramp(3)),))
    monkeypatch.setattr(runner, "load_checks", lambda exercise: (wrong,))
    found = errors(behaviour_findings(course.active().by_id()["broadcast_add"], COURSE, max_examples=5))
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


def test_the_built_in_course_is_statically_sound_and_its_stubs_agree_with_the_catalog() -> None:
    run = soundness.check(course.active(), behaviour=False)
    assert run.sound, [f.text for f in run.findings if f.level == "error"]


def test_a_stub_whose_docstring_drifted_is_found_and_synced(tmp_path: Path) -> None:
    demo = make_tree(tmp_path, {"one": {}})
    stub = demo.root / "exercises" / "01_demo" / "one.py"
    stub.write_text('"""An older statement."""\n\n\ndef one(x):\n    raise NotImplementedError\n', "utf-8")
    found = errors(static_findings(demo, demo.exercises))
    assert any(
        "exercises/01_demo/one.py: its docstring is not the one catalog/01_demo.toml gives" in t
        for t in found
    )
    assert any("grader check --sync-stubs" in t for t in found)
    assert soundness.sync_stubs(demo) == [stub]
    assert errors(static_findings(demo, demo.exercises)) == []
    assert stub.read_text("utf-8").endswith('"""\n\n\ndef one(x):\n    raise NotImplementedError\n')
    assert "Return x." in stub.read_text("utf-8") and "返回 x。" in stub.read_text("utf-8")
