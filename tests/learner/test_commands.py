"""grader hint, grader progress, grader reset: what a learner types, and what they read."""

import shutil
import subprocess
from pathlib import Path

import pytest
from learner_helpers import ROOT, solve

from grader import course
from grader.cli import main
from grader.learner.state import FOLDER, State


@pytest.fixture(autouse=True)
def inside(repository: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(repository)
    monkeypatch.delenv("GRADER_LANG", raising=False)
    return repository


def test_hint_reveals_the_next_hint_each_time_it_is_asked(capsys: pytest.CaptureFixture[str]) -> None:
    outputs = []
    for _ in range(4):
        assert main(["hint", "make_grid"]) == 0
        outputs.append(capsys.readouterr().out)
    assert (
        "hint 1/2" in outputs[0] and "hint 2/2" not in outputs[0] and "again for the next one" in outputs[0]
    )
    assert "hint 2/2" in outputs[1] and "All 2 hints for make_grid are shown" in outputs[1]
    assert '(reread "A PyTorch tutorial for beginners", §3.4)' in outputs[1]
    assert outputs[3] == outputs[1]  # no hint beyond the last
    assert main(["hint", "make_grid", "--lang", "zh"]) == 0
    shown = capsys.readouterr().out
    assert "提示 2/2" in shown and "（请重读《PyTorch 入门教程》§3.4）" in shown


def test_hint_for_an_unknown_exercise_suggests_the_right_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["hint", "make_gird"]) == 2
    assert "did you mean make_grid?" in capsys.readouterr().err


def test_a_missing_exercises_folder_is_explained(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["progress", "nowhere"]) == 2
    assert "There is no exercises folder" in capsys.readouterr().err


def test_progress_shows_chapters_and_what_is_checked(
    inside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    solve(inside, "01_tensors/make_grid.py")
    assert main(["progress"]) == 0
    before = capsys.readouterr().out
    assert "01_tensors" in before and "make_grid" in before and "not checked yet" in before
    assert main(["progress", "--check"]) == 0
    after = capsys.readouterr().out
    assert "1/40 exercises passed" in after and "01_tensors           █░░░ 1/4" in after


def test_reset_restores_the_stub_and_keeps_a_backup(inside: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mine = solve(inside, "01_tensors/make_grid.py")
    work = mine.read_text()
    assert main(["reset", "make_grid", "--yes"]) == 0
    assert mine.read_text() == (ROOT / "exercises/01_tensors/make_grid.py").read_text()
    (backup,) = (inside / FOLDER / "backups").glob("make_grid-*.py")
    assert backup.read_text() == work
    assert "Restored" in capsys.readouterr().out


def test_reset_asks_first_and_changes_nothing_on_no(inside: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mine = solve(inside, "01_tensors/make_grid.py")
    work = mine.read_text()
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert main(["reset", "make_grid"]) == 0
    assert mine.read_text() == work and not (inside / FOLDER / "backups").exists()
    assert State.load(inside).verdicts == {}


def course_checkout(folder: Path, marker: str) -> Path:
    """A copy of the built-in course whose exercises/ are the learner's files (a learners' repository that
    is the course itself), with a make_grid stub of its own (``marker``) that the engine's checkout lacks."""
    for part in ("catalog", "specs", "reference", "exercises"):
        shutil.copytree(ROOT / "course" / part, folder / part, ignore=shutil.ignore_patterns("__pycache__"))
    toml = (ROOT / "course" / "course.toml").read_text(encoding="utf-8")
    (folder / "course.toml").write_text(toml.replace('seeds = "../../shared/seeds"', ""), encoding="utf-8")
    stub = folder / "exercises/01_tensors/make_grid.py"
    stub.write_text(f"# {marker}\n" + stub.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def git(folder: Path, *args: str) -> None:
    identity = ["-c", "user.name=Learner", "-c", "user.email=learner@example.org"]
    subprocess.run(["git", *identity, *args], cwd=folder, check=True, capture_output=True)


def test_reset_in_the_courses_own_checkout_restores_the_stub_git_first_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repository = course_checkout(tmp_path / "learner", "this course's own stub")
    shipped = (repository / "exercises/01_tensors/make_grid.py").read_text(encoding="utf-8")
    git(repository, "init", "-q")
    git(repository, "add", ".")
    git(repository, "commit", "-qm", "the course as cloned")
    mine = solve(repository, "01_tensors/make_grid.py")
    git(repository, "commit", "-qam", "my make_grid")  # learners commit their work: HEAD is no stub
    monkeypatch.chdir(repository)
    assert main(["reset", "make_grid", "--yes"]) == 0
    assert mine.read_text(encoding="utf-8") == shipped  # the course's stub, not the engine's


def test_reset_without_any_untouched_stub_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repository = course_checkout(tmp_path / "learner", "no git here")
    mine = solve(repository, "01_tensors/make_grid.py")
    work = mine.read_text(encoding="utf-8")
    monkeypatch.chdir(repository)
    assert main(["reset", "make_grid", "--yes"]) == 2
    assert "no untouched copy" in capsys.readouterr().err
    assert mine.read_text(encoding="utf-8") == work and not (repository / FOLDER / "backups").exists()


def test_reset_takes_the_stub_from_the_course_named(tmp_path: Path) -> None:
    course_folder = course_checkout(tmp_path / "course", "the named course's stub")
    shipped = (course_folder / "exercises/01_tensors/make_grid.py").read_text(encoding="utf-8")
    mine = solve(Path.cwd(), "01_tensors/make_grid.py")
    before = course.active()
    assert main(["reset", "make_grid", "--yes", "--course", str(course_folder)]) == 0
    assert mine.read_text(encoding="utf-8") == shipped
    # run in-process, the command gives the process its course back (the next test in this worker grades
    # the built-in course: references graded as a learner's files failed their gates)
    assert course.active() is before
