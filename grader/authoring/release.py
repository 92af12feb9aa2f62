"""``grader release <out-dir>``: write the repository learners clone, and the instructor's grading folder.

The learners' repository (``out``): the stubs (``exercises/``, their docstrings written from the catalog),
the course built into a learners' wheel (``.grader/<package>-<version>-py3-none-any.whl``, see
:mod:`grader.authoring.wheel`: only the references the catalog marks ``reference_shown``, and the others'
recorded results, grader.recorded), ``requirements.txt`` pinning the engine (``torch-grader==<its
version>``) and that wheel, ``pyproject.toml`` naming the course, a root ``conftest.py`` that loads the
grader's pytest plugin, a README in English and Chinese, and an advisory feedback workflow with no secret
(``.github/workflows/grade.yml``, from ``grader/templates``).

The instructor's grading folder (``grading``, default ``<out>-grading``; meant to be a private
repository): the instructor's wheel (every reference: what CI grades with), ``requirements.txt``,
``roster.txt`` (the learners' repositories to grade) and the workflow whose score counts
(``.github/workflows/grade-submissions.yml``): it fetches each learner's repository at the submitted
commit and grades it with the seed and the withheld material, which never reach learners.

What stays out of both: the sample submissions, the project's tests, tox, constraints. The engine's own
course needs no wheel: the engine's pin brings it (references included: see docs/score.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from grader.authoring import recording, stubs, wheel
from grader.catalog import Exercise
from grader.course import Course

PACKAGE = "torch-grader"
WHEELS = ".grader"  # where the course's wheel sits in the learners' repository
WORKFLOWS = Path(__file__).resolve().parent.parent / "templates"
TEMPLATE = WORKFLOWS / "grade.yml"  # the learners' advisory workflow
GRADING_TEMPLATE = WORKFLOWS / "grade-submissions.yml"  # the instructor's, whose score counts


class ReleaseError(ValueError):
    """The release cannot be written; the message says what to do."""


@dataclass(frozen=True)
class Released:
    root: Path
    files: tuple[Path, ...]
    grader_spec: str
    course_wheel: Path | None = None  # None: the engine's own course, which the engine's pin brings
    grading: Path | None = None  # the instructor's grading folder
    grading_wheel: Path | None = None  # the instructor's course wheel, every reference inside


def default_grader_spec() -> str:
    """``torch-grader==<this engine's version>`` (grader.__version__, the one place it is written)."""
    from grader import __version__

    return f"{PACKAGE}=={__version__}"


def workflow(course_name: str) -> str:
    """The advisory workflow of a learners' repository (``grader/templates/grade.yml``): it installs
    torch's CPU build, then the engine and the course from ``requirements.txt`` (``$GRADER_PACKAGE``
    instead of the engine's pin, when set), and grades ``exercises/``' public checks, ``--course`` named."""
    return TEMPLATE.read_text(encoding="utf-8").replace("__COURSE__", course_name)


def grading_workflow(course_name: str) -> str:
    """The instructor's workflow (``grader/templates/grade-submissions.yml``), ``--course`` named."""
    return GRADING_TEMPLATE.read_text(encoding="utf-8").replace("__COURSE__", course_name)


def _check_target(out: Path, root: Path, what: str) -> None:
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ReleaseError(
            f"Expected a new or empty folder to release {what} into but {str(out)!r} is not; pick another"
        )
    if out == root or out in root.parents or out.is_relative_to(root):
        raise ReleaseError(
            f"Expected a folder outside the course {root} (and not above it) but got {str(out)!r}"
        )


def release(
    out: Path, course: Course | None = None, grader_spec: str | None = None, grading: Path | None = None
) -> Released:
    """Write the learners' repository at ``out`` and the instructor's grading folder at ``grading``
    (default ``<out>-grading``), both new or empty, from ``course`` (default: this process's)."""
    from grader import course as courses

    course = course or courses.active()
    root = course.root
    out = Path(out).resolve()
    grading = Path(grading).resolve() if grading is not None else out.with_name(out.name + "-grading")
    _check_target(out, root, "the learners' repository")
    _check_target(grading, root, "the instructor's grading folder")
    if grading == out or grading.is_relative_to(out) or out.is_relative_to(grading):
        raise ReleaseError(
            f"Expected the grading folder apart from the learners' repository {str(out)!r} (learners"
            f" must never receive it) but got {str(grading)!r}"
        )
    exercises = course.exercises
    missing = [e for e in exercises if not (root / "exercises" / e.relpath).is_file()]
    if missing:
        names = ", ".join(str(Path("exercises") / e.relpath) for e in missing)
        raise ReleaseError(f"stubs missing: {names}; run `grader check` and fix it before releasing")
    _check_no_hidden_check_ships(exercises)
    spec = grader_spec or default_grader_spec()
    written: list[Path] = []

    def write(relative: str, text: str, base: Path = out) -> None:
        path = base / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)

    built = graded_with = None
    withheld: dict[str, str] = {}
    requirements = [spec, *course.requires]  # what the course's exercises need beyond the grader
    grading_requirements = list(requirements)
    if not courses.ships_with_engine(course):
        withheld = {e.id: recording.record(e) for e in exercises if not e.reference_shown}
        try:
            built = wheel.build(course, out / WHEELS, recordings=withheld)
            graded_with = wheel.build(course, grading / WHEELS)
        except wheel.WheelError as e:
            raise ReleaseError(str(e)) from None
        written += [built, graded_with]
        requirements.append(f"./{WHEELS}/{built.name}")
        grading_requirements.append(f"./{WHEELS}/{graded_with.name}")
    for exercise in exercises:
        source = (root / "exercises" / exercise.relpath).read_text("utf-8")
        write(f"exercises/{exercise.relpath.as_posix()}", stubs.with_docstring(source, exercise))
    for extra in sorted((root / "exercises").rglob("conftest.py")):  # the exercises' own pytest set-up
        write(
            f"exercises/{extra.relative_to(root / 'exercises').as_posix()}", extra.read_text(encoding="utf-8")
        )
    write("conftest.py", CONFTEST)
    write("requirements.txt", REQUIREMENTS.format(lines="\n".join(requirements)))
    write("pyproject.toml", PYPROJECT.format(name=course.name, version=course.version))
    write("README.md", readme(exercises, spec, course, withheld))
    write(".gitignore", GITIGNORE)
    write(".github/workflows/grade.yml", workflow(course.name))
    write(
        str(grading / "requirements.txt"),
        GRADING_REQUIREMENTS.format(lines="\n".join(grading_requirements)),
        grading,
    )
    write("roster.txt", ROSTER, grading)
    write("README.md", GRADING_README.format(name=course.name, learners=out.name), grading)
    write(".github/workflows/grade-submissions.yml", grading_workflow(course.name), grading)
    return Released(out, tuple(written), spec, built, grading, graded_with)


def _check_no_hidden_check_ships(exercises: tuple[Exercise, ...]) -> None:
    """A hidden check written in ``specs/<id>.py`` would reach learners with that file: refuse it."""
    from grader import course as courses

    for exercise in exercises:
        module = courses.spec_module(exercise)
        named = [c.name for c in getattr(module, "CHECKS", ()) if c.hidden]
        if named:
            raise ReleaseError(
                f"specs/{exercise.id}.py holds the hidden check(s) {', '.join(named)}, and learners receive"
                f" that file; move them to specs/hidden/{exercise.id}.py (its CHECKS, which only CI gets)"
            )


def readme(
    exercises: tuple[Exercise, ...], spec: str, course: Course, recordings: dict[str, str] | None = None
) -> str:
    """The learners' README; with ``recordings`` (a course released with withheld references), a table of
    what a local run checks per exercise and what only CI checks."""
    rows_en = "\n".join(
        f"| {e.chapter} | `{e.id}` | [{e.title.en}](exercises/{e.relpath.as_posix()}) | {e.points} |"
        for e in exercises
    )
    rows_zh = "\n".join(
        f"| {e.chapter} | `{e.id}` | [{e.title.zh}](exercises/{e.relpath.as_posix()}) | {e.points} |"
        for e in exercises
    )
    total = sum(e.points for e in exercises)
    return README.format(
        spec=spec,
        rows_en=rows_en,
        rows_zh=rows_zh,
        total=total,
        count=len(exercises),
        title_en=course.title.en,
        title_zh=course.title.zh,
        name=course.name,
        version=course.version,
        first=exercises[0].id if exercises else "ID",
    ) + (coverage(exercises, recordings) if recordings else "")


def coverage(exercises: tuple[Exercise, ...], recordings: dict[str, str]) -> str:
    rows = []
    for exercise in exercises:
        local, ci = recording.coverage(exercise, recordings.get(exercise.id))
        only_ci = ", ".join(f"`{c}`" for c in ci) or "—"
        rows.append(f"| `{exercise.id}` | {len(local)} of {len(local) + len(ci)} | {only_ci} |")
    return COVERAGE.format(rows="\n".join(rows))


CONFTEST = '''\
"""Makes `pytest exercises/` grade the exercises (the grader's pytest plugin)."""

pytest_plugins = ["grader.plugin"]
'''

REQUIREMENTS = """\
# The grader and this course, pinned: CI installs exactly these (pip install -r requirements.txt).
# On a machine without a GPU, install the CPU build of torch first:
#   pip install torch --index-url https://download.pytorch.org/whl/cpu
{lines}
"""

PYPROJECT = """\
# Which course the grader grades here (grader score, pytest exercises/, grader watch): the one installed
# from requirements.txt.
[tool.grader]
course = "{name}"  # version {version}
"""

GRADING_REQUIREMENTS = """\
# The grader and the instructor's course (every reference, hidden checks included), pinned: the grading
# workflow installs exactly these. Never give this folder, nor its wheel, to learners.
{lines}
"""

ROSTER = """\
# The learners' repositories grade-submissions.yml grades: one per line, "owner/name [commit]".
# With a commit (the submitted one, e.g. the last before the deadline) that commit is graded; without
# one, the repository's default branch as it is when the job runs. GitHub Classroom names them
# <classroom-org>/<assignment>-<github-username>.
# my-classroom/assignment-1-some-learner 0123456789abcdef0123456789abcdef01234567
"""

GRADING_README = """\
# Grading {name} (instructor only: keep this repository private)

Push this folder as a private repository of the instructor. Its workflow,
`.github/workflows/grade-submissions.yml`, grades each learner's repository listed in `roster.txt` at the
submitted commit, with the course installed from `requirements.txt` (every reference, hidden checks
included) and the secret seed; the learners' repository (`{learners}`) holds no secret and its workflow's
score is advisory. Set-up (secrets `GRADER_SEED` and `SUBMISSIONS_TOKEN`, GitHub Classroom): see the
grader's docs/score.md, "The score that counts".
"""

COVERAGE = """
## Local checks and CI · 本地检查与 CI

`pytest exercises/` checks your code against results recorded from the instructor's reference; the
checks listed last need inputs chosen at grading time and run in CI only ("checked in CI only": skipped
here, never passed). Hidden checks run in CI only too.

`pytest exercises/` 用讲师参考答案事先记录的结果检查你的代码；最后一列的检查需要评分时才生成的输入，
只在 CI 中运行（本地显示为"checked in CI only"并跳过，不会算作通过）。隐藏检查也只在 CI 中运行。

| id | checked locally · 本地检查 | CI only · 只在 CI |
|---|---|---|
{rows}
"""

GITIGNORE = """\
__pycache__/
.hypothesis/
.pytest_cache/
.venv/
grader-reports/
"""

README = """\
# {title_en} · {title_zh}

[English](#english) · [中文](#中文)

## English

The course `{name}` (version {version}): {count} exercises, {total} points. Each file in `exercises/`
holds one function (or class) to write: read its docstring, replace `raise NotImplementedError(...)`
with your code, and run the checks.

### Set up

```
python -m venv .venv && . .venv/bin/activate
pip install -r requirements.txt      # installs the grader ({spec}) and this course
```

### Work

```
pytest exercises/                     # every exercise; "NOT STARTED" until you begin one
pytest exercises/ -k {first:<18} # one exercise
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

课程 `{name}`（版本 {version}）：共 {count} 道练习，总分 {total}。
`exercises/` 中的每个文件是一道题：阅读文件开头的说明，把 `raise NotImplementedError(...)`
换成你的代码，然后运行检查。

### 准备

```
python -m venv .venv && . .venv/bin/activate
pip install -r requirements.txt      # 安装评分器（{spec}）和本课程
```

### 练习

```
pytest exercises/                     # 检查全部练习；还没开始的题显示 "NOT STARTED"
pytest exercises/ -k {first:<18} # 只检查一道题
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
