"""``grader new <chapter>/<id>``: write the parts of a new exercise into a course, ready to fill in.

The catalog entry, the stub, the reference, the spec and two sample submissions (one wrong, one right).
They work from the first minute: the placeholder exercise ("return twice x") has a reference that passes
its spec and a stub that fails it, so ``pytest exercises/`` lists it as not started and ``grader check``
runs it. Every place the author must write is marked ``TODO(grader new)``, and ``grader check`` refuses
the exercise until none is left. In a folder that holds no course yet, ``grader new`` starts one
(``course.toml``, named after the folder).

>>> parse_target("02_broadcasting/outer_sum")
('02_broadcasting', 'outer_sum')
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass
from pathlib import Path

from grader import __version__
from grader.authoring import stubs
from grader.authoring.soundness import TODO_MARK
from grader.catalog import CatalogError, load_catalog
from grader.course import MARKER, NAME

CHAPTER = re.compile(r"(?P<number>\d\d)_[a-z][a-z0-9_]*")
IDENT = re.compile(r"[a-z][a-z0-9_]*")


class ScaffoldError(ValueError):
    """The exercise cannot be scaffolded; the message says why and what to do instead."""


@dataclass(frozen=True)
class Scaffolded:
    root: Path  # the course's
    exercise_id: str
    paths: tuple[Path, ...]  # what was written: the catalog file, stub, reference, spec and samples
    new_course: bool = False  # course.toml was written too: the folder held no course


def parse_target(target: str) -> tuple[str, str]:
    """``"02_broadcasting/outer_sum"`` -> (chapter, id), or a ScaffoldError saying what is expected."""
    chapter, sep, exercise_id = target.strip().strip("/").partition("/")
    if not sep or "/" in exercise_id:
        raise ScaffoldError(
            f"Expected CHAPTER/ID such as 02_broadcasting/outer_sum but got {target!r}; "
            "`grader list` shows the chapters"
        )
    if not CHAPTER.fullmatch(chapter):
        raise ScaffoldError(
            f"Expected a chapter like 02_broadcasting (two digits, '_', lower-case snake_case) but got "
            f"{chapter!r}; rename it"
        )
    if not IDENT.fullmatch(exercise_id) or keyword.iskeyword(exercise_id):
        raise ScaffoldError(
            "Expected an exercise id that is a lower-case Python name (it becomes the file and function"
            " name) "
            f"but got {exercise_id!r}; try e.g. {_suggest(exercise_id)!r}"
        )
    return chapter, exercise_id


def _suggest(text: str) -> str:
    name = re.sub(r"[^a-z0-9_]+", "_", text.lower()).strip("_") or "my_exercise"
    return name if name[0].isalpha() and not keyword.iskeyword(name) else f"ex_{name}"


def start_course(root: Path) -> Path:
    """Write ``course.toml`` for a new course in ``root``, named after the folder; returns its path."""
    root = Path(root).resolve()
    name = re.sub(r"[^a-z0-9]+", "-", root.name.lower()).strip("-")
    name = name if NAME.fullmatch(name) else f"course-{name}".rstrip("-")
    path = root / MARKER
    path.write_text(COURSE_TOML.format(name=name, engine=engine_range(), todo=TODO_MARK), encoding="utf-8")
    return path


def engine_range(version: str = __version__) -> str:
    """The engine versions a new course asks for: this engine's compatible series.

    >>> engine_range("0.1.3"), engine_range("2.4.0")
    ('>=0.1,<0.2', '>=2.4,<3')
    """
    major, minor = (int(part) for part in version.split(".")[:2])
    upper = f"{major}.{minor + 1}" if major == 0 else f"{major + 1}"
    return f">={major}.{minor},<{upper}"


def scaffold(target: str, root: Path, new_course: bool = False) -> Scaffolded:
    """Write the parts of ``target`` (``chapter/id``) into the course at ``root``: the entry appended to
    ``catalog/<chapter>.toml``, the stub, the reference, the spec, and ``submissions/<id>/`` with a wrong
    and a right sample. ``new_course``: ``root`` holds no course yet: start one there first."""
    chapter, exercise_id = parse_target(target)
    root = Path(root).resolve()
    if not new_course and not (root / MARKER).is_file():
        raise ScaffoldError(f"Expected a course at {root} (a folder holding {MARKER}) but there is none")
    catalog_dir = root / "catalog"
    try:
        existing = load_catalog(catalog_dir, course_root=root) if catalog_dir.is_dir() else ()
    except CatalogError as e:
        raise ScaffoldError(f"the catalog does not load, fix it first: {e}") from None
    for e in existing:
        if e.id == exercise_id:
            raise ScaffoldError(
                f"exercise {exercise_id!r} already exists in chapter {e.chapter} "
                f"(catalog/{e.chapter}.toml); pick another id, or edit that one"
            )
    chapters = {e.chapter for e in existing} | {p.stem for p in catalog_dir.glob("*.toml")}
    number = chapter[:2]
    clash = sorted(c for c in chapters if c[:2] == number and c != chapter)
    if clash:
        raise ScaffoldError(
            f"chapter number {number} is already {clash[0]!r}; use {clash[0]}/{exercise_id} or a free number"
        )
    files = {
        "stub": root / "exercises" / chapter / f"{exercise_id}.py",
        "reference": root / "reference" / chapter / f"{exercise_id}.py",
        "spec": root / "specs" / f"{exercise_id}.py",
        "wrong sample": root / "submissions" / exercise_id / "wrong_placeholder.py",
        "right sample": root / "submissions" / exercise_id / "right_placeholder.py",
    }
    for part, path in files.items():
        if path.exists():
            raise ScaffoldError(
                f"{path.relative_to(root)} already exists (an orphan {part}: no catalog entry claims it); "
                "delete or move it, or pick another id"
            )
    written: list[Path] = []
    if new_course:
        written.append(start_course(root))
    catalog_dir.mkdir(exist_ok=True)
    toml = catalog_dir / f"{chapter}.toml"
    before = toml.read_text(encoding="utf-8") if toml.exists() else None
    header = before if before is not None else CHAPTER_HEADER.format(chapter=chapter)
    toml.write_text(
        header.rstrip("\n") + "\n" + ENTRY.format(id=exercise_id, todo=TODO_MARK), encoding="utf-8"
    )
    try:
        entry = {e.id: e for e in load_catalog(catalog_dir, course_root=root)}[exercise_id]
    except CatalogError as e:  # never leave the catalog broken
        if before is None:
            toml.unlink()
        else:
            toml.write_text(before, encoding="utf-8")
        raise ScaffoldError(f"the new entry would break {toml.name}, nothing written: {e}") from None
    texts = {
        "stub": stubs.literal(entry) + "\n\n" + STUB.format(id=exercise_id, todo=TODO_MARK),
        "reference": REFERENCE.format(id=exercise_id, todo=TODO_MARK),
        "spec": SPEC.format(id=exercise_id, todo=TODO_MARK),
        "wrong sample": WRONG.format(id=exercise_id, todo=TODO_MARK),
        "right sample": RIGHT.format(id=exercise_id, todo=TODO_MARK),
    }
    for part, path in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(texts[part], encoding="utf-8")
    return Scaffolded(root, exercise_id, (*written, toml, *files.values()), new_course)


COURSE_TOML = """\
# A course for torch-grader: catalog/, specs/, reference/, exercises/ and submissions/ beside this file
# (docs/authoring.md, "A course"). `grader new CHAPTER/ID` adds an exercise, `grader check` proves the
# set sound, `grader release OUT-DIR` writes the learners' repository.
[course]
# name: how learners' repositories name the course (lower case, digits, '-')
name = "{name}"
# version: bump it with every release (the learners' repository pins it)
version = "0.1.0"
title = {{ en = "{todo}: the course's title", zh = "{todo}：课程名称" }}
# engine: the torch-grader versions the course works with
engine = "{engine}"
# seeds = "tutorials"  # optional: the folder holding the tutorials' files (grader check verifies sections)

# The tutorials the exercises' seed fields cite ("000 §2.4": tutorial 000, section 2.4), one table each:
# number, title, author and date as the tutorial's own heading gives them (leave author or date out when
# it names none), and where a learner finds it (an address, or which course materials hold it). Learners
# read a citation as the title with the section, never the bare number.
[[tutorial]]
number = "000"
title = {{ zh = "{todo}：教程标题", en = "{todo}: the tutorial's title" }}
author = "{todo}: the author"
date = "{todo}: the date"
where = {{ en = "{todo}: where learners find it", zh = "{todo}：在哪里可以找到" }}
"""

CHAPTER_HEADER = """\
# Chapter {chapter}. Seeds: the tutorial sections it draws on. One [[exercise]] per catalog entry,
# in course order (see docs/authoring.md).
"""

ENTRY = '''
[[exercise]]
id = "{id}"
points = 10
# The tutorial section to reread: a tutorial course.toml lists, then the section, e.g. "000 §2.4".
seed = "000 §2.4"
# APIs the learner may not call: a dotted name ("torch.broadcast_to"), any attribute (".matmul"), or "@".
forbidden = []
# What the stub says is not allowed (optional; say it in words when the forbidden list is not empty):
# not_allowed.en = "torch.broadcast_to and NumPy's broadcast helpers."
# not_allowed.zh = "torch.broadcast_to 和 NumPy 的广播函数。"
# Mutants that behave exactly like the reference (from `grader check --mutants`), e.g. ["L7:Add->Sub#0"].
equivalent_mutants = []
title = {{ en = "{todo}: a short title", zh = "{todo}：简短的标题" }}
statement.en = """
{todo}: what {id} receives and returns, with one worked call.
(Placeholder: return twice `x`.)
"""
statement.zh = """
{todo}：说明 {id} 的输入和输出，并给出一个调用示例。
（占位：返回 `x` 的两倍。）
"""
[[exercise.hints]]
en = "{todo}: a hint that helps without giving the answer."
zh = "{todo}：一条有帮助但不直接给出答案的提示。"
# A worked example of a finished entry (catalog/02_broadcasting.toml of the built-in course):
#   [[exercise]]
#   id = "broadcast_add"
#   points = 10
#   seed = "000 §2.4"
#   forbidden = ["torch.broadcast_tensors", "torch.broadcast_to", ".broadcast_to"]
#   title = {{ en = "Broadcast add, explicitly", zh = "显式广播加法" }}
#   statement.en = """Return `a + b` ... Raise ValueError when the shapes do not broadcast."""
#   statement.zh = """对两个形状可以广播的张量返回 `a + b` ……形状无法广播时抛出 ValueError。"""
#   [[exercise.hints]]
#   en = "Align the shapes from the right; pad the shorter one with leading 1s."
#   zh = "从右往左对齐两个形状，较短的在前面补 1。"
'''

STUB = """\
import torch


# {todo}: the signature learners keep (a contract once released).
# The body stays exactly this raise: `grader check` verifies the stub is "not started".
# The docstring above is written from the catalog entry (title, seed, statement, not_allowed):
# edit those there, then run `grader check --sync-stubs`.
def {id}(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("exercise {id}: replace this line with your code")
"""

REFERENCE = '''\
"""Reference for {id}: {todo} say how it works (ideally the library's own function, which the
exercise may then forbid learners to call; references are exempt from the forbidden list)."""

import torch


def {id}(x: torch.Tensor) -> torch.Tensor:
    # {todo}: the reference. Worked example (reference/02_broadcasting/broadcast_add.py, built-in course):
    #     try:
    #         a_full, b_full = torch.broadcast_tensors(a, b)
    #     except RuntimeError as e:
    #         raise ValueError(f"shapes {{tuple(a.shape)}} and {{tuple(b.shape)}} do not broadcast") from e
    #     return a_full + b_full
    return x * 2
'''

SPEC = '''\
"""Checks for {id}: {todo} say what the checks prove.

Each check feeds the exercise fixed ``examples`` first (readable, for the feedback), then cases drawn
from a Hypothesis strategy. Kinds: Agrees (same result as the reference), Raises (the error the
reference raises), Holds (a property judged by trusted code). ``hidden=True`` makes a check CI-only (its
failing input is never shown). Import only ``grader.api`` (and this course's own ``specs/_*.py`` helpers,
relatively: ``from ._helpers import ...``). Prove the checks strong:
`grader check --mutants --exercise {id}`.
"""

import torch

from grader.api import Agrees, Case, ramp
from grader.api import strategies as gs

# {todo}: the checks. Worked example (specs/broadcast_add.py of the built-in course):
#     @st.composite
#     def incompatible_pairs(draw):
#         shape_a, shape_b = draw(gs.incompatible_shapes())
#         return Case.of(a=draw(gs.tensors(shape_a)), b=draw(gs.tensors(shape_b)))
#
#     Agrees(name="matches_a_plus_b", points=4, examples=(Case.of(a=ramp(2, 3), b=ramp(3)),),
#            cases=broadcastable_pairs()),
#     Holds(name="broadcasts_explicitly", points=3, cases=broadcastable_pairs(), run=run_watched,
#           judge=no_implicit_broadcast),  # judge(case, result) -> None, or a Msg (grader.api.say)
#     Raises(name="rejects_incompatible_shapes", points=2, error=ValueError, cases=incompatible_pairs()),
CHECKS = (
    Agrees(
        name="matches_reference",
        points=1,
        examples=(Case.of(x=ramp(2, 3)), Case.of(x=torch.zeros(0, 3, dtype=torch.float64))),
        cases=gs.cases(x=gs.tensors(gs.shapes(max_dims=3), gs.dtypes())),
    ),
)
'''

WRONG = '''\
"""A wrong answer to {id}, as a learner might write it: {todo} a realistic mistake (grader check grades
this file and expects it to fail; name the file after the mistake, e.g. wrong_forgets_the_bias.py, and
add as many as there are mistakes worth catching)."""

import torch


def {id}(x: torch.Tensor) -> torch.Tensor:
    return x + x.mean()
'''

RIGHT = '''\
"""A right answer to {id}, written as a learner would: {todo} (grader check grades this file and expects
full marks; several right_*.py files may show different correct styles)."""

import torch


def {id}(x: torch.Tensor) -> torch.Tensor:
    return x + x
'''
