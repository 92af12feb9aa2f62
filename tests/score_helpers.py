"""Small trees for the score, report and CLI tests, built from whatever the catalog holds right now.

An exercise is *ready* when its spec imports and its stub, reference and a wrong submission exist; the
tests use the first two ready ones in course order, with few examples, so they stay fast.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jsonschema
import pytest

from grader import course
from grader.catalog import Exercise
from grader.loader import reference_root
from grader.reports import json_report
from grader.runner import load_checks

ROOT = Path(__file__).resolve().parent.parent
STUBS = ROOT / "exercises"
SUBMISSIONS = Path(__file__).resolve().parent / "submissions"
FAST = ["--max-examples", "5", "--seed", "1"]


@cache
def ready() -> tuple[Exercise, ...]:
    found = []
    for exercise in course.active().exercises:
        try:
            load_checks(exercise)
        except ImportError:
            continue
        files = (STUBS / exercise.relpath, reference_root() / exercise.relpath)
        if all(f.is_file() for f in files) and wrong_files(exercise):
            found.append(exercise)
        if len(found) == 2:
            break
    return tuple(found)


def exercises() -> tuple[Exercise, ...]:
    found = ready()
    if not found:
        pytest.fail(
            "no exercise is ready (spec, stub, reference and a wrong submission): cannot test scoring"
        )
    return found


def wrong_files(exercise: Exercise) -> list[Path]:
    return sorted((SUBMISSIONS / exercise.id).glob("wrong_*.py"))


def stub(exercise: Exercise) -> str:
    return (STUBS / exercise.relpath).read_text(encoding="utf-8")


def wrong(exercise: Exercise) -> str:
    return wrong_files(exercise)[0].read_text(encoding="utf-8")


def reference(exercise: Exercise) -> str:
    return (reference_root() / exercise.relpath).read_text(encoding="utf-8")


def make_tree(root: Path, files: dict[Exercise, str]) -> Path:
    for exercise, source in files.items():
        target = root / exercise.relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(source, encoding="utf-8")
    return root


def ids(found: tuple[Exercise, ...] | list[Exercise]) -> list[str]:
    return [e.id for e in found]


def exercise_args(found: tuple[Exercise, ...] | list[Exercise]) -> list[str]:
    return [arg for e in found for arg in ("--exercise", e.id)]


def validate(data: dict) -> dict:
    """Every report the tests produce is checked against the shipped schema."""
    validator = jsonschema.Draft202012Validator(
        json_report.schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(data)
    return data


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
