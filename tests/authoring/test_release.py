"""``grader release``: the learners' repository has the stubs and the CI, and never a solution."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from authoring_helpers import IGNORE, ROOT

from grader import course
from grader.authoring.cli import main
from grader.authoring.release import default_grader_spec, release, workflow


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("release") / "learners"
    release(out)
    return out


def released_text(out: Path) -> dict[str, str]:
    return {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in out.rglob("*") if p.is_file()
    }


def reference_body_lines() -> set[str]:
    """Every line of code inside the references' entries (what a learner must not be handed); the
    ``def`` lines are the signature, which the stubs share on purpose."""
    found = set()
    for exercise in course.active().exercises:
        source = (ROOT / "reference" / exercise.relpath).read_text(encoding="utf-8")
        lines = source.splitlines()
        entries = [n for n in ast.parse(source).body if getattr(n, "name", None) in exercise.entry]
        for statement in _bodies(entries):
            for line in lines[statement.lineno - 1 : statement.end_lineno]:
                if len(line.strip()) >= 8 and not line.strip().startswith("#"):
                    found.add(line.strip())
    return found


def _bodies(nodes: list[ast.stmt]) -> list[ast.stmt]:
    statements = []
    for node in nodes:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            statements += _bodies(node.body)
        elif not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)):  # not a docstring
            statements.append(node)
    return statements


def test_the_release_holds_stubs_ci_plugin_and_a_pinned_grader(released: Path) -> None:
    files = released_text(released)
    for exercise in course.active().exercises:
        path = f"exercises/{exercise.relpath.as_posix()}"
        assert files[path] == (ROOT / "exercises" / exercise.relpath).read_text(encoding="utf-8")
    assert 'pytest_plugins = ["grader.plugin"]' in files["conftest.py"]
    assert default_grader_spec() in files["requirements.txt"].splitlines()
    assert "scikit-learn>=1.3" in files["requirements.txt"].splitlines()  # course.toml's requires
    assert default_grader_spec().startswith("torch-grader==")
    readme = files["README.md"]
    assert "## English" in readme and "## 中文" in readme and "pytest exercises/" in readme
    assert all(e.title.en in readme and e.title.zh in readme for e in course.active().exercises)
    assert files[".github/workflows/grade.yml"] == workflow("pytorch-basics")
    assert "--course pytorch-basics" in files[".github/workflows/grade.yml"]


def test_no_solution_and_no_instructor_setting_is_released(released: Path) -> None:
    files = released_text(released)
    assert not any(p.startswith(("reference/", "grader/", "tests/")) for p in files), sorted(files)
    assert not {"tox.ini", "constraints.txt"} & set(files)
    # pyproject.toml only names the course: the built-in one comes with the engine's pin, no wheel
    assert tomllib.loads(files["pyproject.toml"]) == {"tool": {"grader": {"course": "pytorch-basics"}}}
    assert not (released / ".grader").exists()
    body = reference_body_lines()
    assert len(body) > 50  # the check below means something
    leaked = {
        (path, line.strip())
        for path, text in files.items()
        for line in text.splitlines()
        if line.strip() in body
    }
    assert not leaked, sorted(leaked)[:10]
    for text in files.values():
        assert "--max-examples" not in text and "--seed" not in text and "GRADER_MAX_EXAMPLES" not in text


def test_the_grader_pin_can_be_overridden(tmp_path: Path) -> None:
    spec = "torch-grader @ file:///wheels/torch_grader-0.1.0-py3-none-any.whl"
    done = release(tmp_path / "out", grader_spec=spec)
    assert done.grader_spec == spec
    assert spec in (tmp_path / "out" / "requirements.txt").read_text(encoding="utf-8").splitlines()


def test_a_folder_in_use_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["release", str(tmp_path)]) == 2
    assert "Expected a new or empty folder" in capsys.readouterr().err
    assert main(["release", str(ROOT)]) == 2


def test_the_grading_folder_stays_apart_from_the_learners(tmp_path: Path) -> None:
    """The instructor's grading folder (default: beside the learners' repository) is never inside it."""
    done = release(tmp_path / "learners")
    assert done.grading == tmp_path / "learners-grading"
    assert (done.grading / ".github" / "workflows" / "grade-submissions.yml").is_file()
    assert not (done.root / ".github" / "workflows" / "grade-submissions.yml").exists()
    with pytest.raises(ValueError, match="apart from the learners' repository"):
        release(tmp_path / "again", grading=tmp_path / "again" / "grading")


@pytest.mark.slow
def test_learners_can_run_pytest_in_a_fresh_venv(tmp_path: Path) -> None:
    """This checkout's wheel in a venv of its own (no path back to the checkout); `pytest exercises/`."""
    source = tmp_path / "source"  # build from a copy: no build/ or egg-info written into the checkout
    for name in ("grader", "course", "reference", "exercises"):
        shutil.copytree(ROOT / name, source / name, ignore=IGNORE, symlinks=True)
    shutil.copy2(ROOT / "pyproject.toml", source / "pyproject.toml")
    (source / "README.md").write_text("torch-grader\n", encoding="utf-8")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "VIRTUAL_ENV") and not k.startswith("GRADER_")
    }
    env["PIP_CONSTRAINT"] = str(ROOT / "constraints.txt")

    def sh(*args: str | Path, cwd: Path = tmp_path) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
        )
        assert done.returncode in (0, 1), done.stdout[-2000:] + done.stderr[-2000:]
        return done

    sh(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", ".", "-w", tmp_path / "wheels", cwd=source)
    (wheel,) = (tmp_path / "wheels").glob("torch_grader-*.whl")
    sh(sys.executable, "-m", "venv", tmp_path / "venv")
    python = tmp_path / "venv" / "bin" / "python"
    installed = sh(python, "-m", "pip", "install", "-q", wheel)
    assert installed.returncode == 0, installed.stderr[-2000:]
    out = tmp_path / "learners"
    release(out, grader_spec=f"torch-grader @ {wheel.as_uri()}")
    where = sh(
        python, "-c", "import grader.plugin, torch; print(grader.plugin.__file__, torch.__version__)", cwd=out
    )
    assert str(tmp_path / "venv") in where.stdout and "2.13.0" in where.stdout, where.stdout
    graded = sh(python, "-m", "pytest", "exercises/", "-p", "no:cacheprovider", "-q", cwd=out)
    total = len(course.active().exercises)
    assert f"exercises complete 0/{total}" in graded.stdout, graded.stdout[-3000:]
    assert f"{total} unstarted" in graded.stdout
