"""A submission never chooses the course it is graded against (issue 17, mechanism 1).

``grader score`` once found its course from the graded folder upwards, then from the current folder: a
learner's repository that carried a course of its own (a ``course.toml``, a ``pyproject.toml`` naming one
in ``[tool.grader]``, links to one kept elsewhere) was graded by its own specs, imported in the trusted
parent before any sandbox. Each layout below carries such a course: its reference is the learner's wrong
answer (so its checks pass it), and its spec module, if it is ever imported, records the parent's
``GRADER_SEED`` and plants a ``.pth`` file in site-packages (run by every later Python process). Graded
the way CI grades (the ``grader`` command, a secret seed in the environment), each must be graded against
the installed course: the wrong answer earns nothing, the spec never runs, and the report names the
course files it ignored.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from grader import course as courses

EXERCISE = courses.active().get("broadcast_add")
SECRET_SEED = "4242"
WRONG = "def broadcast_add(a, b):\n    return a - b\n"
COURSE_TOML = """[course]
name = "pytorch-basics"
version = "0.1.0"
title = { en = "Mine", zh = "我的" }
engine = ">=0.1"
"""
CATALOG = """[[exercise]]
id = "broadcast_add"
points = 10
seed = "000 §2.4"
title = { en = "Broadcast add", zh = "广播加法" }
statement = { en = "Add.", zh = "加。" }
hints = [{ en = "H", zh = "提示" }]
"""
SPEC = """import os, site
open({marker!r}, "a").write("spec imported, GRADER_SEED=" + os.environ.get("GRADER_SEED", "") + "\\n")
for folder in site.getsitepackages():
    try:
        with open(os.path.join(folder, {pth!r}), "w") as planted:
            planted.write("import os; open({pth_marker!r}, 'a').write('pth ran\\\\n')\\n")
    except OSError:
        pass

from grader.api import Agrees, Case, ramp

CHECKS = (Agrees(name="matches_reference", examples=(Case.of(a=ramp(2, 3), b=ramp(3)),)),)
"""


def _console_script() -> str | None:
    beside = Path(sys.executable).with_name("grader")
    return str(beside) if beside.exists() else shutil.which("grader")


def write_course(folder: Path, marker: Path, pth: str, pth_marker: Path) -> Path:
    """A course whose only exercise is broadcast_add, whose reference is the wrong answer."""
    (folder / "catalog").mkdir(parents=True)
    (folder / "course.toml").write_text(COURSE_TOML, encoding="utf-8")
    (folder / "catalog" / "02_broadcasting.toml").write_text(CATALOG, encoding="utf-8")
    (folder / "specs").mkdir()
    spec = SPEC.format(marker=str(marker), pth=pth, pth_marker=str(pth_marker))
    (folder / "specs" / "broadcast_add.py").write_text(spec, encoding="utf-8")
    (folder / "reference" / EXERCISE.chapter).mkdir(parents=True)
    (folder / "reference" / EXERCISE.relpath).write_text(WRONG, encoding="utf-8")
    return folder


def carries_course_toml(repo: Path, course: Path) -> tuple[Path, Path]:
    """(a) the graded folder is itself a course: course.toml, catalog/, specs/, reference/ by the answers."""
    for part in ("course.toml", "catalog", "specs", "reference"):
        shutil.move(str(course / part), str(repo / "exercises" / part))
    return repo / "exercises", repo.parent


def names_it_in_pyproject(repo: Path, course: Path) -> tuple[Path, Path]:
    """(b) the repository's pyproject.toml names a course folder of its own in [tool.grader]."""
    shutil.move(str(course), str(repo / ".course"))
    (repo / "pyproject.toml").write_text('[tool.grader]\ncourse = ".course"\n', encoding="utf-8")
    return repo / "exercises", repo.parent


def links_to_it(repo: Path, course: Path) -> tuple[Path, Path]:
    """(c) the graded folder holds only links to a course kept outside it."""
    for part in ("course.toml", "catalog", "specs", "reference"):
        (repo / "exercises" / part).symlink_to(course / part)
    return repo / "exercises", repo.parent


def in_the_current_folder(repo: Path, course: Path) -> tuple[Path, Path]:
    """(d) the course files sit at the repository's root, where CI runs `grader score exercises/`."""
    for part in ("course.toml", "catalog", "specs", "reference"):
        shutil.move(str(course / part), str(repo / part))
    return Path("exercises"), repo


LAYOUTS = [carries_course_toml, names_it_in_pyproject, links_to_it, in_the_current_folder]


@pytest.fixture
def planted() -> Iterator[str]:
    """The name of the .pth file the attack plants; removed afterwards, wherever it landed."""
    name = f"zz_course_choice_{uuid.uuid4().hex[:8]}.pth"
    yield name
    for folder in site.getsitepackages():
        Path(folder, name).unlink(missing_ok=True)


@pytest.mark.skipif(_console_script() is None, reason="the `grader` command is not installed here")
@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda f: f.__name__)
def test_a_course_carried_by_the_submission_is_ignored(layout, tmp_path: Path, planted: str) -> None:
    marker, pth_marker, out = tmp_path / "spec-ran", tmp_path / "pth-ran", tmp_path / "result.json"
    repo = tmp_path / "repo"
    (repo / "exercises" / EXERCISE.chapter).mkdir(parents=True)
    (repo / "exercises" / EXERCISE.relpath).write_text(WRONG, encoding="utf-8")
    course = write_course(tmp_path / "elsewhere" / "course", marker, planted, pth_marker)
    graded, cwd = layout(repo, course)
    env = {k: v for k, v in os.environ.items() if k != "GRADER_COURSE"} | {"GRADER_SEED": SECRET_SEED}
    command = [_console_script(), "score", str(graded), "--exercise", EXERCISE.id, "--max-examples", "5"]
    run = subprocess.run(
        [*command, "--json", str(out)], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stdout + run.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    (exercise,) = report["exercises"]
    fresh = subprocess.run([sys.executable, "-c", "pass"], capture_output=True, timeout=60)
    outcome = {
        "status": exercise["status"],
        "points": exercise["score"],
        "spec ran": marker.read_text() if marker.exists() else None,
        "pth ran": pth_marker.exists(),
    }
    print(layout.__name__, outcome)
    assert fresh.returncode == 0
    assert outcome == {"status": "failed", "points": 0, "spec ran": None, "pth ran": False}, outcome
    named = "pyproject.toml [tool.grader]" if layout is names_it_in_pyproject else "course.toml"
    assert any(path.endswith(named) for path in report["course"]["ignored"]), report["course"]
    assert report["course"]["name"] == "pytorch-basics" and "default" in report["course"]["chosen_by"]
    assert "ignored the course files found with the submission" in run.stdout
