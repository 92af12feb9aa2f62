"""Which course a command works on (grader.course.find), and courses kept apart once loaded."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import grader
from grader import course
from grader.authoring import wheel
from grader.runner import Settings, load_checks, run_exercise

ROOT = Path(__file__).resolve().parent.parent
COURSE_TOML = """[course]
name = "{name}"
version = "1.2.0"
title = {{ en = "Demo", zh = "演示" }}
engine = "{engine}"
"""
ENTRY = """
[[exercise]]
id = "{id}"
points = 10
seed = "000 §1"
title = {{ en = "T", zh = "题" }}
statement = {{ en = "S", zh = "说明" }}
hints = [{{ en = "H", zh = "提示" }}]
"""
SPEC = """from grader.api import Agrees, Case, ramp

from ._shared import SCALE

CHECKS = (Agrees(name="scales_by_{scale}", examples=(Case.of(x=ramp(2, 3)),)),)
"""


def make_course(root: Path, name: str = "demo", scale: int = 2, engine: str = ">=0.1") -> Path:
    """A one-exercise course ``twice`` whose reference multiplies by ``scale``, through a spec helper."""
    (root / "catalog").mkdir(parents=True)
    (root / "course.toml").write_text(COURSE_TOML.format(name=name, engine=engine), encoding="utf-8")
    (root / "catalog" / "01_demo.toml").write_text(ENTRY.format(id="twice"), encoding="utf-8")
    (root / "specs").mkdir()
    (root / "specs" / "_shared.py").write_text(f"SCALE = {scale}\n", encoding="utf-8")
    (root / "specs" / "twice.py").write_text(SPEC.format(scale=scale), encoding="utf-8")
    for tree in ("reference", "exercises"):
        (root / tree / "01_demo").mkdir(parents=True)
    reference = f"from typing import Any\n\n\ndef twice(x: Any) -> Any:\n    return x * {scale}\n"
    (root / "reference" / "01_demo" / "twice.py").write_text(reference, encoding="utf-8")
    stub = "def twice(x):\n    raise NotImplementedError\n"
    (root / "exercises" / "01_demo" / "twice.py").write_text(stub, encoding="utf-8")
    return root


@pytest.fixture
def nowhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A current directory with no course above it, and no $GRADER_COURSE."""
    monkeypatch.delenv(course.ENV, raising=False)
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_the_option_beats_the_environment_which_beats_the_folder(tmp_path: Path, nowhere: Path) -> None:
    one, two, three = (make_course(tmp_path / n, n) for n in ("one", "two", "three"))
    env = {course.ENV: str(two)}
    assert course.find(str(one), start=three, env=env).name == "one"
    assert course.find(None, start=three, env=env).name == "two"
    assert course.find(None, start=three / "exercises" / "01_demo", env={}).name == "three"


def test_the_graded_folder_then_the_current_directory(tmp_path: Path, nowhere: Path, monkeypatch) -> None:
    here = make_course(tmp_path / "here", "here")
    graded = tmp_path / "somewhere" / "exercises"
    graded.mkdir(parents=True)
    monkeypatch.chdir(here / "exercises")
    assert course.find(start=graded, env={}).name == "here"  # nothing above the graded folder
    make_course(tmp_path / "somewhere" / "its-course", "its-course")
    (tmp_path / "somewhere" / "pyproject.toml").write_text('[tool.grader]\ncourse = "its-course"\n')
    assert course.find(start=graded, env={}).name == "its-course"  # a relative folder from pyproject.toml


def test_pyproject_may_name_an_installed_course(tmp_path: Path, nowhere: Path) -> None:
    repo = tmp_path / "learners"
    (repo / "exercises").mkdir(parents=True)
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.grader]\ncourse = "pytorch-basics"\n'
    )
    found = course.find(start=repo / "exercises", env={})
    assert found.name == "pytorch-basics" and len(found.exercises) == 40
    (repo / "pyproject.toml").write_text('[tool.grader]\ncourse = "no-such-course"\n')
    with pytest.raises(
        course.CourseError,
        match=r"'no-such-course', which is not installed \(installed courses: .*pytorch-basics",
    ):
        course.find(start=repo, env={})


def test_a_pyproject_without_a_grader_table_is_passed_by(tmp_path: Path, nowhere: Path) -> None:
    make_course(tmp_path / "outer", "outer")
    inner = tmp_path / "outer" / "exercises" / "project"
    inner.mkdir(parents=True)
    (inner / "pyproject.toml").write_text('[project]\nname = "unrelated"\n')
    assert course.find(start=inner, env={}).name == "outer"


def test_with_no_course_anywhere_the_installed_default(nowhere: Path) -> None:
    found = course.find(env={})
    assert found.name == course.DEFAULT and found.root == course.installed(course.DEFAULT).root


# -- grader score: only what the person running the grader chose ------------------------------------


def test_for_grading_takes_the_option_the_environment_or_the_installed_course(
    tmp_path: Path, nowhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = make_course(tmp_path / "one", "one"), make_course(tmp_path / "two", "two")
    assert course.for_grading(str(one), env={course.ENV: str(two)}).name == "one"
    assert course.for_grading(None, env={course.ENV: str(two)}).name == "two"
    monkeypatch.chdir(one / "exercises" / "01_demo")  # a course all around: find() would take it
    assert course.find(env={}).name == "one"
    graded = course.for_grading(None, env={})
    assert graded.name == course.DEFAULT and graded.installed


def test_for_grading_an_installed_name_is_never_a_folder_of_the_graded_repository(
    tmp_path: Path, nowhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CI runs from the learner's repository: a folder there named like the installed course (holding a
    course of the learner's) must not answer for it."""
    make_course(tmp_path / "repo" / course.DEFAULT, course.DEFAULT)
    monkeypatch.chdir(tmp_path / "repo")
    assert course.find(course.DEFAULT, env={}).root == tmp_path / "repo" / course.DEFAULT  # the local loop
    for chosen in (
        course.for_grading(course.DEFAULT, env={}),
        course.for_grading(None, env={course.ENV: course.DEFAULT}),
    ):
        assert chosen.installed and chosen.root == course.installed(course.DEFAULT).root
    assert course.for_grading(f"./{course.DEFAULT}", env={}).root == tmp_path / "repo" / course.DEFAULT


def test_the_course_installed_beside_the_engines_own_is_the_default(
    tmp_path: Path, nowhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A learners' release installs the engine (and its pytorch-basics) and the instructor's course: the
    latter is what the learners' repository grades."""
    mine = make_course(tmp_path / "mine", "mine")
    chosen = {"mine": course.load(mine), course.DEFAULT: course.installed(course.DEFAULT)}
    monkeypatch.setattr(course, "installed", lambda name, origin="": chosen[name])
    monkeypatch.setattr(course, "installed_courses", lambda: {n: [] for n in chosen})
    assert course.default_installed().name == "mine"
    chosen["other"] = course.load(make_course(tmp_path / "other", "other"))
    assert course.default_installed().name == course.DEFAULT  # two of them: the engine's own decides


def test_course_files_with_the_submission_are_named_as_ignored(tmp_path: Path, nowhere: Path) -> None:
    chosen = course.installed(course.DEFAULT)
    repo = tmp_path / "repo"
    graded = repo / "exercises"
    make_course(graded, "carried")
    (repo / "pyproject.toml").write_text('[tool.grader]\ncourse = "carried"\n')
    ignored = course.ignored_course_files(graded, chosen, here=nowhere)
    assert ignored == (str(graded / "course.toml"), f"{repo / 'pyproject.toml'} [tool.grader]")
    assert course.ignored_course_files(graded, chosen, here=repo) == ignored  # the current folder: once


@pytest.mark.parametrize(
    "text",
    ['[tool.grader]\ncourse = "pytorch-basics"\n', '[project]\nname = "x"\n'],
    ids=["names-the-chosen-course", "no-grader-table"],
)
def test_a_pyproject_that_agrees_is_not_ignored(text: str, tmp_path: Path, nowhere: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(text)
    assert course.ignored_course_files(tmp_path, course.installed(course.DEFAULT), here=nowhere) == ()


def test_the_engines_own_repository_names_the_course_it_grades(nowhere: Path) -> None:
    chosen = course.for_grading(None, env={})
    for graded in (ROOT / "exercises", ROOT / "reference"):
        assert course.ignored_course_files(graded, chosen, here=ROOT) == ()


@pytest.mark.parametrize(
    "text",
    ["[tool.grader\n", "[tool.grader]\nkourse = 1\n", "[tool]\ngrader = 3\n", "# " + "x" * (1 << 20)],
    ids=["not-toml", "no-course-key", "not-a-table", "oversized"],
)
def test_a_pyproject_that_cannot_be_read_is_ignored_never_an_error(
    text: str, tmp_path: Path, nowhere: Path
) -> None:
    (tmp_path / "pyproject.toml").write_text(text)
    ignored = course.ignored_course_files(tmp_path, course.installed(course.DEFAULT), here=nowhere)
    assert ignored == (f"{tmp_path / 'pyproject.toml'} [tool.grader]",)


def test_clear_errors_say_what_was_looked_for_and_what_to_do(tmp_path: Path, nowhere: Path) -> None:
    with pytest.raises(
        course.CourseError, match=r"neither a folder holding course\.toml .* nor an installed"
    ):
        course.find(str(tmp_path / "missing"), env={})
    broken = make_course(tmp_path / "broken", "broken")
    (broken / "course.toml").write_text(COURSE_TOML.format(name="Bad Name", engine=">=0.1") + "titel = 1\n")
    with pytest.raises(course.CourseError) as info:
        course.load(broken)
    assert "name 'Bad Name' must be a slug" in str(info.value) and "course.toml" in str(info.value)
    (broken / "course.toml").write_text(
        COURSE_TOML.format(name="broken", engine=">=0.1").replace("title", "titel")
    )
    with pytest.raises(course.CourseError, match=r"unknown key 'titel' \(did you mean title\?\)"):
        course.load(broken)
    (tmp_path / "bad-pyproject").mkdir()
    (tmp_path / "bad-pyproject" / "pyproject.toml").write_text("[tool.grader\n")
    with pytest.raises(course.CourseError, match="not valid TOML"):
        course.find(start=tmp_path / "bad-pyproject", env={})


def test_a_course_for_another_engine_says_which_to_install(tmp_path: Path) -> None:
    make_course(tmp_path / "future", "future", engine=">=9.0")
    with pytest.raises(
        course.CourseError, match=rf"needs torch-grader>=9.0, but this is torch-grader {grader.__version__}"
    ):
        course.load(tmp_path / "future")


def test_two_courses_with_the_same_exercise_id_never_share_a_spec(tmp_path: Path) -> None:
    """Each course's specs are a package of their own: its helpers, its checks, its reference."""
    first = course.load(make_course(tmp_path / "first", "first", scale=2))
    second = course.load(make_course(tmp_path / "second", "second", scale=3))
    a, b = first.get("twice"), second.get("twice")
    assert a != b and a.course_root == first.root
    assert [c.name for c in load_checks(a)] == ["scales_by_2"]
    assert [c.name for c in load_checks(b)] == ["scales_by_3"]
    assert first.spec_module("twice").SCALE == 2 and second.spec_module("twice").SCALE == 3
    assert first.package != second.package
    settings = Settings(max_examples=1)
    assert run_exercise(a, first.reference_dir, settings).status == "passed"
    assert run_exercise(b, second.reference_dir, settings).status == "passed"
    assert run_exercise(b, first.reference_dir, settings).status == "failed"  # x * 2 is not x * 3


def test_the_built_in_course_ships_with_the_engine(tmp_path: Path) -> None:
    assert course.ships_with_engine(course.active())
    assert not course.ships_with_engine(course.load(make_course(tmp_path / "mine", "mine")))


def test_a_course_wheel_is_deterministic_and_complete(tmp_path: Path) -> None:
    demo = course.load(make_course(tmp_path / "demo", "my-demo"))
    first = wheel.build(demo, tmp_path / "a")
    second = wheel.build(demo, tmp_path / "b")
    assert first.name == "grader_course_my_demo-1.2.0-py3-none-any.whl"
    assert first.read_bytes() == second.read_bytes()
    names = zipfile.ZipFile(first).namelist()
    top = "grader_course_my_demo"
    assert {f"{top}/course.toml", f"{top}/catalog/01_demo.toml", f"{top}/specs/twice.py"} <= set(names)
    assert {
        f"{top}/specs/_shared.py",
        f"{top}/reference/01_demo/twice.py",
        f"{top}/exercises/01_demo/twice.py",
    } <= set(names)
    info = "grader_course_my_demo-1.2.0.dist-info"
    assert names[-1] == f"{info}/RECORD"
    entry_points = zipfile.ZipFile(first).read(f"{info}/entry_points.txt").decode()
    assert entry_points == f"[grader.courses]\nmy-demo = {top}\n"
    metadata = zipfile.ZipFile(first).read(f"{info}/METADATA").decode()
    assert (
        "Name: grader-course-my-demo\nVersion: 1.2.0\n" in metadata
        and "Requires-Dist: torch-grader>=0.1" in metadata
    )
