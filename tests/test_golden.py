"""Behaviour stays the same for learners: every verdict on the reference tree and on every sample
submission equals the one recorded in tests/golden/verdicts.json (tests/golden/record.py rewrites it,
only when a change of verdict is intended)."""

import json
from pathlib import Path

import pytest
from golden.verdicts import SETTINGS, cases, verdicts

RECORDED = json.loads((Path(__file__).parent / "golden" / "verdicts.json").read_text())
CASES = list(cases())


def test_the_recording_used_these_settings() -> None:
    assert RECORDED["settings"] == repr(SETTINGS)


def test_every_graded_file_is_recorded() -> None:
    assert sorted(name for name, _, _ in CASES) == sorted(RECORDED["verdicts"])


@pytest.mark.parametrize(("name", "exercise", "source"), CASES, ids=[name for name, _, _ in CASES])
def test_verdicts_are_unchanged(name: str, exercise, source: Path, tmp_path: Path) -> None:
    assert verdicts(exercise, source, tmp_path) == RECORDED["verdicts"][name]
