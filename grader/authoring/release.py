"""``grader release <out-dir>``: write the repository learners clone.

What goes in: the stubs (``exercises/``), a README in English and Chinese, the CI workflow that
recomputes the score (``.github/workflows/grade.yml`` from ``grader/templates/grade.yml``), a root
``conftest.py`` that loads the grader's pytest plugin, and ``requirements.txt`` pinning the grader.
What stays out: the references, the specs' source and the project's tests (learners get the grader as
an installed package), and every instructor setting (tox, constraints, the CI seed, example budgets).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from grader.catalog import Exercise
from grader.course import Course

PACKAGE = "torch-grader"
NOT_EXERCISES = {"__init__.py", "conftest.py"}


class ReleaseError(ValueError):
    """The release cannot be written; the message says what to do."""


@dataclass(frozen=True)
class Released:
    root: Path
    files: tuple[Path, ...]
    grader_spec: str


def default_grader_spec() -> str:
    from grader.score import grader_version

    return f"{PACKAGE}=={grader_version()}"


def release(out: Path, course: Course | None = None, grader_spec: str | None = None) -> Released:
    """Write the learners' repository at ``out`` (new or empty) from ``course`` (default: this process's)."""
    from grader import course as courses

    course = course or courses.active()
    root = course.root
    out = Path(out).resolve()
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ReleaseError(
            f"Expected a new or empty folder to release into but {str(out)!r} is not; pick another"
        )
    if out == root or out in root.parents:
        raise ReleaseError(
            f"Expected a folder other than the course {root} (or above it) but got {str(out)!r}"
        )
    exercises = course.exercises
    missing = [e for e in exercises if not (root / "exercises" / e.relpath).is_file()]
    if missing:
        names = ", ".join(str(Path("exercises") / e.relpath) for e in missing)
        raise ReleaseError(f"stubs missing: {names}; run `grader check` and fix it before releasing")
    spec = grader_spec or default_grader_spec()
    written: list[Path] = []

    def write(relative: str, text: str) -> None:
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)

    for exercise in exercises:
        write(
            f"exercises/{exercise.relpath.as_posix()}",
            (root / "exercises" / exercise.relpath).read_text("utf-8"),
        )
    for extra in sorted((root / "exercises").rglob("conftest.py")):  # the exercises' own pytest set-up
        write(extra.relative_to(root).as_posix(), extra.read_text(encoding="utf-8"))
    write("conftest.py", CONFTEST)
    write("requirements.txt", REQUIREMENTS.format(spec=spec))
    write("README.md", readme(exercises, spec))
    write(".gitignore", GITIGNORE)
    template = Path(__file__).resolve().parent.parent / "templates" / "grade.yml"
    if template.is_file():
        workflow = template.read_text(encoding="utf-8")
        if grader_spec:  # the workflow installs what the learners' requirements pin
            workflow = workflow.replace(default_grader_spec(), grader_spec)
        write(".github/workflows/grade.yml", workflow)
    return Released(out, tuple(written), spec)


def readme(exercises: tuple[Exercise, ...], spec: str) -> str:
    rows_en = "\n".join(
        f"| {e.chapter} | `{e.id}` | [{e.title.en}](exercises/{e.relpath.as_posix()}) | {e.points} |"
        for e in exercises
    )
    rows_zh = "\n".join(
        f"| {e.chapter} | `{e.id}` | [{e.title.zh}](exercises/{e.relpath.as_posix()}) | {e.points} |"
        for e in exercises
    )
    total = sum(e.points for e in exercises)
    return README.format(spec=spec, rows_en=rows_en, rows_zh=rows_zh, total=total, count=len(exercises))


CONFTEST = '''\
"""Makes `pytest exercises/` grade the exercises (the grader's pytest plugin)."""

pytest_plugins = ["grader.plugin"]
'''

REQUIREMENTS = """\
# The grader that checks your exercises (it brings torch, Hypothesis and pytest).
# On a machine without a GPU, install the CPU build of torch first:
#   pip install torch --index-url https://download.pytorch.org/whl/cpu
{spec}
"""

GITIGNORE = """\
__pycache__/
.hypothesis/
.pytest_cache/
.venv/
grader-reports/
"""

README = """\
# PyTorch exercises · PyTorch 练习

[English](#english) · [中文](#中文)

## English

{count} exercises, {total} points. Each file in `exercises/` holds one function (or class) to write:
read its docstring, replace `raise NotImplementedError(...)` with your code, and run the checks.

### Set up

```
python -m venv .venv && . .venv/bin/activate
pip install -r requirements.txt      # installs the grader: {spec}
```

### Work

```
pytest exercises/                     # every exercise; "NOT STARTED" until you begin one
pytest exercises/ -k broadcast_add    # one exercise
pytest exercises/ --lang zh           # feedback in Chinese
grader score exercises/               # your score, as CI will compute it
```

A failed check tells you what was expected and what came back, the smallest input that fails (paste it
into Python to reproduce), where in your code it broke, and a hint with the tutorial section to reread.
Some exercises forbid the library function that would solve them: the point is to build it yourself.

On every push, the workflow in `.github/workflows/grade.yml` grades your repository again with more
examples (and checks that run only in CI): that score is the one that counts.

| chapter | id | exercise | points |
|---|---|---|---|
{rows_en}

## 中文

共 {count} 道练习，总分 {total}。`exercises/` 中的每个文件是一道题：阅读文件开头的说明，把
`raise NotImplementedError(...)` 换成你的代码，然后运行检查。

### 准备

```
python -m venv .venv && . .venv/bin/activate
pip install -r requirements.txt      # 安装评分器：{spec}
```

### 练习

```
pytest exercises/                     # 检查全部练习；还没开始的题显示 "NOT STARTED"
pytest exercises/ -k broadcast_add    # 只检查一道题
pytest exercises/ --lang zh           # 中文反馈
grader score exercises/               # 按 CI 的方式计算你的得分
```

检查失败时，你会看到期望的结果和实际的结果、能复现问题的最小输入（可以直接粘贴到 Python 中运行）、
出错的位置，以及一条提示和需要重读的教程章节。有些练习不允许调用能直接解决问题的库函数：目的是自己实现它。

每次 push，`.github/workflows/grade.yml` 中的工作流会用更多的输入（以及只在 CI 中运行的检查）重新评分：
以那个分数为准。

| 章节 | id | 练习 | 分数 |
|---|---|---|---|
{rows_zh}
"""
