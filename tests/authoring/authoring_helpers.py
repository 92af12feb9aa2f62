"""Shared by the authoring tests: a scratch copy of the checkout, and running the CLI inside it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis")


def copy_checkout(dest: Path) -> Path:
    """grader/, the built-in course (course/ with its links to exercises/, reference/ and
    tests/submissions/), the root conftest and pyproject.toml, copied so a test can change them freely."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("grader", "course", "exercises", "reference", "tests/submissions"):
        shutil.copytree(ROOT / name, dest / name, ignore=IGNORE, symlinks=True)
    shutil.copy2(ROOT / "conftest.py", dest / "conftest.py")
    shutil.copy2(ROOT / "pyproject.toml", dest / "pyproject.toml")
    return dest


def run_in(root: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``python <args>`` in ``root`` with that copy first on sys.path (never this checkout)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GRADER_", "PYTEST_"))}
    env["PYTHONPATH"] = str(root)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return subprocess.run(
        [sys.executable, *args], cwd=root, env=env, capture_output=True, text=True, timeout=timeout
    )
