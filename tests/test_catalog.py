"""The catalog is strict: a typo or a wrong type is an error naming the file, the exercise and the fix,
never a silently dropped setting (a misspelt ``forbidden`` would drop the forbidden-API gate) nor a
traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from grader import course
from grader.catalog import CatalogError, load_catalog

GOOD = """
[[exercise]]
id = "double_it"
points = 10
seed = "000 §2.4"
forbidden = ["torch.mul"]
title = { en = "Double it", zh = "翻倍" }
statement.en = "Return twice x."
statement.zh = "返回 x 的两倍。"
[[exercise.hints]]
en = "Add x to itself."
zh = "把 x 加到它自己上。"
"""


def write(tmp_path: Path, text: str, name: str = "01_demo.toml") -> Path:
    folder = tmp_path / "catalog"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def problem(tmp_path: Path, text: str) -> str:
    with pytest.raises(CatalogError) as info:
        load_catalog(write(tmp_path, text))
    message = str(info.value)
    assert "Traceback" not in message
    return message


def test_a_good_entry_loads(tmp_path: Path) -> None:
    (exercise,) = load_catalog(write(tmp_path, GOOD))
    assert exercise.id == "double_it" and exercise.forbidden == ("torch.mul",) and exercise.points == 10
    assert exercise.entry == ("double_it",) and exercise.hints[0].zh == "把 x 加到它自己上。"


def test_a_misspelt_key_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    """Before: the entry loaded without its forbidden list, and the gate silently disappeared."""
    message = problem(tmp_path, GOOD.replace("forbidden =", "forbiden ="))
    assert "catalog/01_demo.toml" in message and "exercise double_it" in message
    assert "unknown key 'forbiden'" in message and "did you mean forbidden?" in message


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (('forbidden = ["torch.mul"]', 'forbidden = "torch.mul"'), 'forbidden = ["torch.mul"]'),
        (("points = 10", 'points = "ten"'), "points must be a whole number of at least 1, got 'ten' (a str)"),
        (("points = 10", "points = 0"), "points must be a whole number of at least 1, got 0"),
        (("points = 10", "points = true"), "points must be a whole number of at least 1, got True (a bool)"),
        (("points = 10", "points = 2.5"), "got 2.5 (a float)"),
        (('seed = "000 §2.4"', "seed = 0"), "seed must be a string"),
        (('title = { en = "Double it", zh = "翻倍" }', 'title = "Double it"'), "title must be a table"),
        (
            ('title = { en = "Double it", zh = "翻倍" }', 'title = { en = "Double it" }'),
            "title is missing zh",
        ),
        (('title = { en = "Double it", zh = "翻倍" }', 'title = { en = "x", zh = "y", cn = "z" }'), "'cn'"),
        (('statement.en = "Return twice x."', "statement.en = 2"), "statement.en must be a string"),
        (('id = "double_it"', 'id = "Double-It"'), "id must be a lower-case Python name"),
        (('id = "double_it"', 'id = "double_it"\nentry = 3'), "entry must be a name or a list of names"),
        (('id = "double_it"', 'id = "double_it"\nequivalent_mutants = "L1:x#0"'), "equivalent_mutants must"),
    ],
)
def test_each_wrong_type_names_the_file_the_exercise_and_the_fix(
    tmp_path: Path, change: tuple[str, str], says: str
) -> None:
    old, new = change
    assert old in GOOD
    message = problem(tmp_path, GOOD.replace(old, new, 1))
    assert says in message, message
    assert "catalog/01_demo.toml" in message and "exercise" in message


def test_missing_keys_and_empty_hints_are_named(tmp_path: Path) -> None:
    message = problem(tmp_path, GOOD.replace('seed = "000 §2.4"\n', ""))
    assert "missing seed" in message and "exercise double_it" in message
    no_hints = GOOD[: GOOD.index("[[exercise.hints]]")]
    assert "missing hints: it must be a non-empty list" in problem(tmp_path, no_hints)
    empty = GOOD.replace("[[exercise.hints]]", "hints = []\n[[exercise.more]]")
    assert "hints must be a non-empty list" in problem(tmp_path, empty)


def test_unknown_top_level_tables_and_bad_toml_are_errors(tmp_path: Path) -> None:
    message = problem(
        tmp_path, GOOD.replace("[[exercise]]", "[[exercize]]").replace("exercise.hints", "exercize.hints")
    )
    assert "unknown key 'exercize'" in message and "did you mean exercise?" in message
    assert "not valid TOML" in problem(tmp_path, "[[exercise]\n")


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    message = problem(
        tmp_path, GOOD.replace("forbidden =", "forbiden =").replace("points = 10", 'points = "ten"')
    )
    assert "forbiden" in message and "'ten'" in message and "2 problems" in message


def test_a_repeated_id_names_both_places(tmp_path: Path) -> None:
    folder = write(tmp_path, GOOD)
    write(tmp_path, GOOD, "02_more.toml")
    with pytest.raises(CatalogError, match=r"double_it.*01_demo\.toml.*02_more\.toml"):
        load_catalog(folder)


def test_the_built_in_catalog_is_strictly_valid() -> None:
    assert len(load_catalog(course.active().catalog_dir)) == 40


def test_a_course_with_a_broken_catalog_stops_grading_with_the_reason(tmp_path: Path) -> None:
    from grader.cli import main

    root = tmp_path / "broken"
    root.mkdir()
    (root / "course.toml").write_text(
        '[course]\nname = "broken"\nversion = "0.1.0"\ntitle = { en = "B", zh = "坏" }\nengine = ">=0.1"\n'
    )
    write(root, GOOD.replace("forbidden =", "forbiden ="))
    assert main(["list", "--course", str(root)]) == 2
