"""An instructor's own course, end to end, as an instructor and then a learner's CI would run it.

In a fresh folder outside this repository: ``grader new`` two exercises (a course is started there),
fill them in (catalog texts, references, specs sharing a helper module, sample submissions), ``grader
check`` proves them sound, ``grader release`` writes the learners' repository. Then, in that repository,
its own CI workflow's steps run: the install (the pinned engine and the course's wheel from
requirements.txt, offline: the engine's wheel is built from this checkout, and the test interpreter's
packages stand in for torch & co.) and ``grader score exercises/``, which grades the instructor's two
exercises (a right answer gets full marks, a wrong one fails with feedback); ``pytest exercises/`` too.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest
from authoring_helpers import IGNORE, ROOT

import grader

yaml = pytest.importorskip("yaml")

COURSE_TOML_TITLE = 'title = { en = "Tensor tricks", zh = "张量小技巧" }'
TUTORIAL = """[[tutorial]]
number = "001"
title = { zh = "张量入门", en = "Tensors for beginners" }
author = "A. Teacher"
where = { en = "the course materials", zh = "课程资料" }
"""
ENTRIES = {
    "double_it": '''
[[exercise]]
id = "double_it"
points = 10
seed = "001 §1"
forbidden = []
title = { en = "Double it", zh = "翻倍" }
statement.en = """
Return a new tensor holding twice every element of `x`, with `x`'s shape and dtype.
"""
statement.zh = """
返回一个新张量，其中每个元素都是 `x` 对应元素的两倍，形状和 dtype 与 `x` 相同。
"""
[[exercise.hints]]
en = "Multiply by 2, or add `x` to itself."
zh = "乘以 2，或者把 `x` 加到它自己上。"
''',
    "clip_negatives": '''
[[exercise]]
id = "clip_negatives"
points = 10
seed = "001 §2"
forbidden = ["torch.relu", ".relu", "torch.nn.functional.relu", "torch.clamp", ".clamp", ".clip"]
title = { en = "Clip the negatives", zh = "去掉负数" }
statement.en = """
Return a new tensor like `x` where every negative element is replaced by 0.
"""
statement.zh = """
返回一个和 `x` 一样的新张量，把其中每个负数元素换成 0。
"""
not_allowed = { en = "relu and clamp/clip.", zh = "relu 和 clamp/clip。" }
[[exercise.hints]]
en = "`torch.where(condition, a, b)` picks from `a` where the condition holds, else from `b`."
zh = "`torch.where(condition, a, b)` 在条件成立处取 `a`，否则取 `b`。"
''',
}
SHARED = '''"""Shared by this course's specs."""

from grader.api import strategies as gs

FLOAT_TENSORS = gs.tensors(gs.shapes(max_dims=3), gs.dtypes())
'''
SPECS = {
    "double_it": '''"""Checks for double_it: twice x, for every shape and float dtype."""

from grader.api import Agrees, Case, ramp
from grader.api import strategies as gs

from ._shared import FLOAT_TENSORS

CHECKS = (
    Agrees(
        name="doubles_every_element",
        examples=(Case.of(x=ramp(2, 3)),),
        cases=gs.cases(x=FLOAT_TENSORS),
    ),
)
''',
    "clip_negatives": '''"""Checks for clip_negatives: negatives become 0, the rest stays."""

from grader.api import Agrees, Case, ramp
from grader.api import strategies as gs

from ._shared import FLOAT_TENSORS

CHECKS = (
    Agrees(
        name="matches_reference",
        examples=(Case.of(x=ramp(2, 3) - 3),),
        cases=gs.cases(x=FLOAT_TENSORS),
    ),
)
''',
}
REFERENCES = {
    "double_it": "import torch\n\n\ndef double_it(x: torch.Tensor) -> torch.Tensor:\n    return x * 2\n",
    "clip_negatives": (
        "import torch\n\n\ndef clip_negatives(x: torch.Tensor) -> torch.Tensor:\n    return torch.relu(x)\n"
    ),
}
SAMPLES = {
    "double_it": {
        "right_adds_itself": "def double_it(x):\n    return x + x\n",
        "wrong_squares": "def double_it(x):\n    return x * x\n",
    },
    "clip_negatives": {
        "right_where": (
            "import torch\n\n\ndef clip_negatives(x):\n"
            "    return torch.where(x > 0, x, torch.zeros_like(x))\n"
        ),
        "wrong_absolute_value": "def clip_negatives(x):\n    return x.abs()\n",
        "wrong_uses_relu": "import torch\n\n\ndef clip_negatives(x):\n    return torch.relu(x)\n",
    },
}


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 600) -> str:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{command}\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
    assert "Traceback" not in done.stderr, done.stderr[-4000:]
    return done.stdout


def grader_cli(*args: str, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GRADER_", "PYTEST_"))}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return run([sys.executable, "-m", "grader.cli", *args], cwd, env)


def write_course(course: Path) -> None:
    """What the instructor writes after ``grader new``: every TODO(grader new) replaced."""
    toml = course / "course.toml"
    text = toml.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title = "))
    text = text.replace(title, COURSE_TOML_TITLE)
    text = text[: text.index("[[tutorial]]")] + TUTORIAL  # the scaffold's tutorial, written for real
    toml.write_text(text, encoding="utf-8")
    (course / "catalog" / "01_basics.toml").write_text("".join(ENTRIES.values()), encoding="utf-8")
    (course / "specs" / "_shared.py").write_text(SHARED, encoding="utf-8")
    for exercise_id, spec in SPECS.items():
        (course / "specs" / f"{exercise_id}.py").write_text(spec, encoding="utf-8")
        (course / "reference" / "01_basics" / f"{exercise_id}.py").write_text(
            REFERENCES[exercise_id], encoding="utf-8"
        )
        stub = course / "exercises" / "01_basics" / f"{exercise_id}.py"
        lines = stub.read_text(encoding="utf-8").splitlines(keepends=True)
        stub.write_text("".join(x for x in lines if not x.startswith("#")), encoding="utf-8")  # TODO notes
        samples = course / "submissions" / exercise_id
        for placeholder in samples.glob("*_placeholder.py"):
            placeholder.unlink()
        for name, source in SAMPLES[exercise_id].items():
            (samples / f"{name}.py").write_text(source, encoding="utf-8")


def engine_wheel(folder: Path) -> Path:
    """This checkout's wheel, built from a copy (no build/ nor egg-info left in the checkout)."""
    source = folder / "source"
    for name in ("grader", "course", "reference", "exercises"):
        shutil.copytree(ROOT / name, source / name, ignore=IGNORE, symlinks=True)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    pip = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "."]
    run([*pip, "-w", str(folder / "wheels")], source)
    (wheel,) = (folder / "wheels").glob("torch_grader-*.whl")
    return wheel


def learners_python(folder: Path) -> Path:
    """A fresh virtual environment that sees this interpreter's packages (torch, numpy, Hypothesis, pytest,
    astroid) but not this checkout's grader: what CI's `pip install torch` leaves before the requirements."""
    home = folder / "venv"
    venv.EnvBuilder(with_pip=True).create(home)
    site = Path(sysconfig.get_path("purelib", vars={"base": str(home), "platbase": str(home)}))
    ours = [p for p in sys.path if Path(p).name in ("site-packages", "dist-packages")]
    (site / "_test_interpreter.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    return home / "bin" / "python"


@pytest.mark.slow
def test_an_instructors_course_from_grader_new_to_a_graded_learners_repository(tmp_path: Path) -> None:
    course = tmp_path / "tensor-tricks"
    course.mkdir()
    assert not course.is_relative_to(ROOT)

    # -- the instructor ----------------------------------------------------------------------------
    made = grader_cli("new", "01_basics/double_it", cwd=course)
    assert "a new one was started" in made and (course / "course.toml").is_file()
    grader_cli("new", "01_basics/clip_negatives", cwd=course)
    unsound = subprocess.run(
        [sys.executable, "-m", "grader.cli", "check", "--static"], cwd=course, capture_output=True, text=True
    )
    assert unsound.returncode == 1 and "TODO(grader new)" in unsound.stdout  # what is left to write
    write_course(course)
    checked = grader_cli("check", "--sync-stubs", "--jobs", "1", "--max-examples", "10", cwd=course)
    assert "docstring written from the catalog: exercises/01_basics/clip_negatives.py" in checked
    assert "2/2 exercises sound; the set is sound" in checked, checked
    stub = (course / "exercises/01_basics/clip_negatives.py").read_text(encoding="utf-8")
    assert "Return a new tensor like `x`" in stub and "不允许使用：relu 和 clamp/clip。" in stub

    learners = tmp_path / "learners"
    released = grader_cli("release", str(learners), cwd=course)
    assert "course tensor-tricks 0.1.0" in released and "the course, pinned: .grader/" in released
    (course_wheel,) = (learners / ".grader").glob("grader_course_tensor_tricks-0.1.0-py3-none-any.whl")
    requirements = (learners / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert f"torch-grader=={grader.__version__}" in requirements
    assert f"./.grader/{course_wheel.name}" in requirements
    assert 'course = "tensor-tricks"' in (learners / "pyproject.toml").read_text(encoding="utf-8")
    assert not (learners / "reference").exists() and not (learners / "specs").exists()
    assert not (learners / "submissions").exists()

    # -- a learner answers one exercise right and one wrong, and pushes --------------------------------
    tree = learners / "exercises" / "01_basics"
    released_stub = (tree / "clip_negatives.py").read_text(encoding="utf-8")
    (tree / "double_it.py").write_text(SAMPLES["double_it"]["right_adds_itself"], encoding="utf-8")
    (tree / "clip_negatives.py").write_text(
        SAMPLES["clip_negatives"]["wrong_absolute_value"], encoding="utf-8"
    )

    # -- the learners' CI -----------------------------------------------------------------------------
    python = learners_python(tmp_path)
    wheels = engine_wheel(tmp_path).parent
    workflow = yaml.safe_load((learners / ".github/workflows/grade.yml").read_text(encoding="utf-8"))
    (job,) = workflow["jobs"].values()
    steps = {step.get("name"): step.get("run", "") for step in job["steps"]}
    install = steps["Install the grader and the course"]
    assert "python -m pip install -r requirements.txt" in install
    # the same install, offline: the engine's pin from the wheel just built, the course from its path;
    # --ignore-installed: this checkout's own (editable) grader is visible through the .pth, not installed
    offline = ["-m", "pip", "install", "-q", "--no-index", "--find-links", str(wheels), "--no-deps", "-I"]
    run([str(python), *offline, "-r", "requirements.txt"], learners)
    summary = tmp_path / "summary.md"
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("GRADER_", "PYTEST_", "VIRTUAL_ENV", "PYTHON"))
    }
    env |= {
        "PATH": f"{python.parent}{os.pathsep}{env['PATH']}",
        "GITHUB_STEP_SUMMARY": str(summary),
        "GRADER_SEED": "4242",
        "GRADER_MAX_EXAMPLES": "10",
        "GRADER_LANG": "en",
        "REPORTS": "grader-reports",
    }
    where = run(
        [
            str(python),
            "-c",
            "import grader, grader_course_tensor_tricks as c; print(grader.__file__, c.__file__)",
        ],
        learners,
        env,
    )
    assert str(ROOT) not in where and str(tmp_path / "venv") in where, where
    graded = run(["bash", "-eo", "pipefail", "-c", steps["Grade"]], learners, env)
    result = json.loads((learners / "grader-reports" / "result.json").read_text(encoding="utf-8"))
    by_id = {e["id"]: e for e in result["exercises"]}
    assert set(by_id) == {"double_it", "clip_negatives"}
    assert by_id["double_it"]["status"] == "passed" and by_id["double_it"]["score"] == 10
    clip = by_id["clip_negatives"]
    assert clip["status"] == "failed" and clip["score"] == 0
    feedback = next(c["message"] for c in clip["checks"] if c["name"] == "matches_reference")
    assert "smallest failing input" in feedback and "torch.where(condition, a, b)" in feedback, feedback
    assert result["versions"]["grader"] == grader.__version__ and result["score"] == 10
    assert "| **Total** |" in summary.read_text(encoding="utf-8") and "clip_negatives" in graded

    # -- and the learner's own loop: pytest exercises/ grades the same course ---------------------------
    local = subprocess.run(
        [
            str(python),
            "-m",
            "pytest",
            "exercises/",
            "-p",
            "no:cacheprovider",
            "-q",
            "--grader-max-examples",
            "5",
        ],
        cwd=learners,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert "exercises complete 1/2, points 10/20" in local.stdout, local.stdout[-3000:]

    # -- the learner's loop knows the installed course: its hints, and its stub to start again from -------
    hint = run([str(python), "-m", "grader.cli", "hint", "double_it"], learners, env)
    assert "hint 1/" in hint and "add `x` to itself" in hint, hint
    run([str(python), "-m", "grader.cli", "reset", "clip_negatives", "--yes"], learners, env)
    assert (tree / "clip_negatives.py").read_text(encoding="utf-8") == released_stub
