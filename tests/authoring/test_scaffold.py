"""``grader new``: the parts appear, the exercise is listed and collected, bad targets are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from authoring_helpers import copy_checkout, run_in

from grader.authoring.cli import main
from grader.authoring.scaffold import ScaffoldError, parse_target, scaffold
from grader.authoring.soundness import TODO_MARK
from grader.catalog import load_catalog


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_checkout(tmp_path_factory.mktemp("checkout"))


def test_a_new_chapter_is_scaffolded_listed_collected_and_checked(checkout: Path) -> None:
    made = run_in(checkout, "-m", "grader.authoring.cli", "new", "12_extras/double_it")
    assert made.returncode == 0, made.stderr
    parts = ["catalog/12_extras.toml", "exercises/12_extras/double_it.py"]
    parts += ["reference/12_extras/double_it.py", "specs/double_it.py"]
    parts += ["submissions/double_it/wrong_placeholder.py", "submissions/double_it/right_placeholder.py"]
    for part in parts:
        assert (checkout / "course" / part).is_file(), part
        assert f"  {part}\n" in made.stdout
    # written through the built-in course's links, into the repository's own folders
    assert (checkout / "exercises/12_extras/double_it.py").is_file()
    assert (checkout / "tests/submissions/double_it/right_placeholder.py").is_file()
    entry = {e.id: e for e in load_catalog(checkout / "course" / "catalog")}["double_it"]
    assert entry.chapter == "12_extras" and TODO_MARK in entry.title.en

    listed = run_in(checkout, "-m", "grader.cli", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert {"id": "double_it", "chapter": "12_extras"}.items() <= json.loads(listed.stdout)[-1].items()

    graded = run_in(checkout, "-m", "pytest", "exercises/12_extras", "-p", "no:cacheprovider", "-q")
    assert "Start with exercises/12_extras/double_it.py" in graded.stdout, graded.stdout  # the only one
    assert graded.returncode == 0, graded.stdout

    checked = run_in(
        checkout, "-m", "grader.authoring.cli", "check", "--exercise", "double_it", "--jobs", "1"
    )
    assert checked.returncode == 1, checked.stdout + checked.stderr
    problems = [line for line in checked.stdout.splitlines() if line.strip().startswith("- ")]
    # the placeholder works end to end: only the TODOs left for the author make it unsound
    assert problems and all(TODO_MARK in line for line in problems), checked.stdout
    assert any("exercises/12_extras/double_it.py" in line for line in problems)


def test_an_existing_chapter_gets_the_entry_appended(checkout: Path) -> None:
    toml = checkout / "course" / "catalog" / "02_broadcasting.toml"
    before = toml.read_text(encoding="utf-8")
    scaffold("02_broadcasting/outer_sum", checkout / "course")
    after = toml.read_text(encoding="utf-8")
    assert after.startswith(before)
    ids = [e.id for e in load_catalog(checkout / "course" / "catalog") if e.chapter == "02_broadcasting"]
    assert ids[-1] == "outer_sum" and len(ids) >= 2


@pytest.mark.parametrize(
    ("target", "says"),
    [
        ("broadcast_add", "CHAPTER/ID"),
        ("2_broadcasting/x", "two digits"),
        ("02_broadcasting/Bad-Id", "lower-case Python name"),
        ("02_broadcasting/class", "lower-case Python name"),
        ("02_broadcasting/broadcast_add", "already exists"),
        ("01_tensors/broadcast_add", "already exists in chapter 02_broadcasting"),
        ("02_other/new_one", "chapter number 02 is already '02_broadcasting'"),
    ],
)
def test_bad_targets_are_refused_with_what_to_do(checkout: Path, target: str, says: str) -> None:
    with pytest.raises(ScaffoldError, match=says):
        scaffold(target, checkout / "course")


def test_an_orphan_file_blocks_the_scaffold(checkout: Path) -> None:
    orphan = checkout / "reference" / "03_reshaping" / "leftover.py"
    orphan.write_text("x = 1\n", encoding="utf-8")
    toml = checkout / "course" / "catalog" / "03_reshaping.toml"
    catalog_before = toml.read_text(encoding="utf-8")
    with pytest.raises(ScaffoldError, match="orphan reference"):
        scaffold("03_reshaping/leftover", checkout / "course")
    assert toml.read_text(encoding="utf-8") == catalog_before


def test_the_command_exits_2_with_the_reason(checkout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "02_broadcasting/broadcast_add", "--course", str(checkout / "course")]) == 2
    err = capsys.readouterr().err
    assert "grader new: error:" in err and "pick another id" in err


def test_parse_target() -> None:
    assert parse_target(" 05_numpy_bridge/to_numpy/ ") == ("05_numpy_bridge", "to_numpy")
