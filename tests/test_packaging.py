"""The engine's wheel ships what a learner's CI needs: every subpackage, and the built-in course as the
package ``grader_course`` (catalog, specs, references, stubs), registered as a course; never the links
that make ``course/`` whole in a checkout, nor the sample submissions."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

import grader

ROOT = Path(__file__).resolve().parent.parent
COURSE = "grader_course"
COURSE_PACKAGES = {COURSE, f"{COURSE}.specs", f"{COURSE}.reference", f"{COURSE}.exercises"}


def test_every_subpackage_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "grader").rglob("__init__.py")}
    assert found | COURSE_PACKAGES == listed


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    """The wheel built from a copy of the checkout (no build/ nor egg-info left in it), links kept."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis")
    for name in ("grader", "course", "reference", "exercises", "tests/submissions"):
        shutil.copytree(ROOT / name, source / name, ignore=ignore, symlinks=True)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    pip = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "."]
    built = subprocess.run([*pip, "-w", tmp], cwd=source, capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    (path,) = tmp.glob("torch_grader-*.whl")
    return zipfile.ZipFile(path)


def test_the_wheel_ships_the_engine_and_the_built_in_course(wheel: zipfile.ZipFile) -> None:
    from grader import course

    names = set(wheel.namelist())
    built_in = course.active()
    assert {"grader/__init__.py", "grader/api.py", "grader/course.py", "grader/templates/grade.yml"} <= names
    assert {"grader/batch/templates/class.html", "grader/batch/templates/learner.html"} <= names
    assert {f"{COURSE}/__init__.py", f"{COURSE}/course.toml", f"{COURSE}/specs/__init__.py"} <= names
    for exercise in built_in.exercises:
        relpath = exercise.relpath.as_posix()
        assert f"{COURSE}/catalog/{exercise.chapter}.toml" in names
        assert f"{COURSE}/specs/{exercise.id}.py" in names
        assert f"{COURSE}/reference/{relpath}" in names
        assert f"{COURSE}/exercises/{relpath}" in names
    helpers = {p.name for p in built_in.specs_dir.glob("_*.py") if p.name != "__init__.py"}
    assert helpers and {f"{COURSE}/specs/{h}" for h in helpers} <= names
    # no sample submission, no link of the checkout's course/, nothing of the old layout
    unwanted = (f"{COURSE}/submissions", "grader/_reference/", "grader/catalog/", "grader/specs/", "tests/")
    unwanted += ("course/", "reference/", "exercises/")
    assert not [n for n in names if n.startswith(unwanted)]
    for info in wheel.infolist():
        assert (info.external_attr >> 28) != 0o12, f"{info.filename} is a symbolic link"


def test_the_wheel_registers_the_course_and_says_its_version_once(wheel: zipfile.ZipFile) -> None:
    (dist_info,) = {n.split("/")[0] for n in wheel.namelist() if n.split("/")[0].endswith(".dist-info")}
    assert dist_info == f"torch_grader-{grader.__version__}.dist-info"
    entry_points = wheel.read(f"{dist_info}/entry_points.txt").decode()
    assert f"[grader.courses]\npytorch-basics = {COURSE}" in entry_points
    metadata = wheel.read(f"{dist_info}/METADATA").decode()
    assert f"Version: {grader.__version__}\n" in metadata
    requires = [line.split(":", 1)[1] for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    required = {re.split(r"[ <>=!~;\[(]", r.strip())[0] for r in requires if "extra ==" not in r}
    assert {"torch", "numpy", "hypothesis", "pytest", "astroid"} <= required
    assert not {"scikit-learn", "pytest-benchmark"} & required  # extras: grading runs without them
    extras = {r.split("extra ==")[1].strip(" '\"") for r in requires if "extra ==" in r}
    assert {"digits", "benchmark", "test", "class"} <= extras
