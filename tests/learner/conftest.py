"""A learner's repository for the loop's tests: a copy of the stubs (learner_helpers.solve fills them)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from learner_helpers import ROOT


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A fresh clone, as far as the loop can tell: exercises/ with every stub untouched."""
    shutil.copytree(ROOT / "exercises", tmp_path / "exercises", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path
