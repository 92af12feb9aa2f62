"""Everything the trusted parent can import is fingerprinted before grading and checked after
(grader.integrity): the grader, the course's files and Python's start-up files (.pth, sitecustomize)."""

from __future__ import annotations

import json
import site
import sys
from pathlib import Path

import pytest

from grader import course as courses
from grader import integrity, score
from grader.cli import main
from grader.errors import ScoreError

ROOT = Path(__file__).resolve().parent.parent
EXERCISE = courses.active().get("matmul")
COURSE_TOML = (
    '[course]\nname = "demo"\nversion = "1.0.0"\ntitle = { en = "D", zh = "演示" }\nengine = ">=0.1"\n'
)


@pytest.fixture
def site_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A site-packages folder of our own, so that no real installation is touched."""
    folder = tmp_path / "site-packages"
    folder.mkdir()
    (folder / "installed.pth").write_text("/some/where\n")
    monkeypatch.setattr(site, "getsitepackages", lambda: [str(folder)])
    monkeypatch.setattr(site, "ENABLE_USER_SITE", False)
    return folder


def test_nothing_changed_nothing_reported(site_folder: Path) -> None:
    snapshot = integrity.capture()
    assert snapshot.changed() == []
    snapshot.verify()
    assert f"site {site_folder / 'installed.pth'}" in snapshot.digests


def test_a_pth_file_that_appears_refuses_the_score(site_folder: Path) -> None:
    snapshot = integrity.capture()
    (site_folder / "zz_planted.pth").write_text("import os\n")
    with pytest.raises(ScoreError) as info:
        snapshot.verify()
    message = str(info.value)
    assert "zz_planted.pth" in message and "no score from this run is written" in message
    assert "remove any .pth or sitecustomize you did not install" in message


def test_a_pth_file_rewritten_refuses_the_score(site_folder: Path) -> None:
    snapshot = integrity.capture()
    (site_folder / "installed.pth").write_text("import os; os.system('true')\n")
    assert f"site {site_folder / 'installed.pth'}" in snapshot.changed()


def test_a_distribution_whose_entry_points_later_processes_load_refuses_the_score(site_folder: Path) -> None:
    """A pytest plugin or a Hypothesis entry point runs in every later test run: a new distribution, or
    new entry points in an installed one, count as much as a .pth."""
    installed = site_folder / "installed-1.0.dist-info"
    installed.mkdir()
    (installed / "entry_points.txt").write_text("[console_scripts]\ninstalled = installed:main\n")
    snapshot = integrity.capture()
    (installed / "entry_points.txt").write_text("[pytest11]\nplanted = planted\n")
    assert snapshot.changed() == [f"site {installed}/entry_points.txt"]
    (site_folder / "planted-1.0.dist-info").mkdir()
    assert f"site {site_folder}" in snapshot.changed()


@pytest.mark.parametrize("planted", ["sitecustomize.py", "usercustomize.py", "sitecustomize/__init__.py"])
def test_a_start_up_module_on_the_path_refuses_the_score(
    planted: str, site_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_path = tmp_path / "on-path"
    on_path.mkdir()
    monkeypatch.setattr(sys, "path", [*sys.path, str(on_path)])
    snapshot = integrity.capture()
    (on_path / planted).parent.mkdir(parents=True, exist_ok=True)
    (on_path / planted).write_text("import os\n")
    assert any(planted.split("/")[0] in name for name in snapshot.changed()), snapshot.changed()


def test_a_folder_on_the_path_for_a_moment_is_not_where_python_starts(
    site_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A learner's folder joins sys.path while its file loads: a sitecustomize.py of theirs there is not
    a change to what Python runs at start-up."""
    snapshot = integrity.capture()
    learner = tmp_path / "learner"
    learner.mkdir()
    (learner / "sitecustomize.py").write_text("x = 1\n")
    monkeypatch.setattr(sys, "path", [*sys.path, str(learner)])
    assert snapshot.changed() == []


@pytest.mark.parametrize(
    "part", ["course.toml", "catalog/01_demo.toml", "specs/twice.py", "reference/01/t.py"]
)
def test_a_course_file_that_changes_refuses_the_score(part: str, site_folder: Path, tmp_path: Path) -> None:
    course = tmp_path / "course"
    for name, text in {
        "course.toml": COURSE_TOML,
        "catalog/01_demo.toml": "",
        "specs/twice.py": "CHECKS = ()\n",
        "reference/01/t.py": "def t(): ...\n",
    }.items():
        (course / name).parent.mkdir(parents=True, exist_ok=True)
        (course / name).write_text(text)
    snapshot = integrity.capture(course)
    assert snapshot.changed() == []
    (course / part).write_text("# changed\n")
    (course / "__init__.py").write_text("import os\n")
    (course / "specs" / "added.py").write_text("CHECKS = ()\n")
    changed = snapshot.changed()
    assert any(name.endswith(part) for name in changed) and any(name.endswith("added.py") for name in changed)
    assert f"course {course / '__init__.py'}" in changed


def test_grading_that_plants_a_pth_writes_no_score(
    site_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    """What a learner who escaped would do, simulated between capture and verify: no report is written,
    and the message says why and what to do."""
    tree, out = tmp_path / "tree", tmp_path / "result.json"
    (tree / EXERCISE.chapter).mkdir(parents=True)
    (tree / EXERCISE.relpath).write_text((ROOT / "tests/submissions/matmul/right_loops.py").read_text())
    grade_all = score._grade_all

    def escaping(*args, **kwargs):
        reports = grade_all(*args, **kwargs)
        (site_folder / "zz_escaped.pth").write_text("import os\n")
        return reports

    monkeypatch.setattr(score, "_grade_all", escaping)
    args = ["score", str(tree), "--exercise", EXERCISE.id, "--max-examples", "3", "--in-process"]
    assert main([*args, "--json", str(out)]) == 2
    assert not out.exists()
    error = capsys.readouterr().err
    assert "zz_escaped.pth" in error and "no score from this run is written" in error, error
    monkeypatch.setattr(score, "_grade_all", grade_all)
    assert main([*args, "--json", str(out)]) == 0  # the same run, with nothing planted, is scored
    assert json.loads(out.read_text())["exercises"][0]["status"] == "passed"
