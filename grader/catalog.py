"""The exercise catalog: one TOML file per chapter in a course's ``catalog/``, exercises in course order.

Each entry is the metadata part of an exercise (the other three are the stub, the reference and the
spec). Course order is chapter file order, then entry order inside the file. This module only reads a
catalog; the course a process works on, and its exercises, are :func:`grader.course.active`'s.
"""

from __future__ import annotations

import difflib
import keyword
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from grader import paths


class CatalogError(ValueError):
    """A catalog file is malformed; the message names the file, the entry and the fix."""


@dataclass(frozen=True)
class Text:
    """The same text in English and Chinese."""

    en: str
    zh: str

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


@dataclass(frozen=True)
class Exercise:
    id: str
    chapter: str
    entry: tuple[str, ...]  # the names the learner defines (a function, a class, or several)
    points: int
    title: Text
    statement: Text
    hints: tuple[Text, ...]
    seed: str  # the tutorial section to reread, e.g. "000 §2.4"
    forbidden: tuple[str, ...] = ()
    equivalent_mutants: tuple[str, ...] = ()
    not_allowed: Text | None = None  # the stub's "Not allowed:" lines, in both languages
    # learners may see the reference (it is the library's own function the exercise forbids, so it hands
    # no answer); otherwise `grader release` withholds it and records its results instead (grader.recorded)
    reference_shown: bool = False
    # the root of the course the entry comes from (grader.course): where its spec and reference live
    course_root: Path | None = field(default=None, repr=False)

    @property
    def relpath(self) -> Path:
        """Where the exercise lives inside a tree laid out like ``exercises/``."""
        return Path(self.chapter) / f"{self.id}.py"


# -- the schema: every key an entry may have, what it must hold, and how to write it -------------------

IDENT = re.compile(r"[a-z_][a-z0-9_]*")


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and bool(IDENT.fullmatch(value)) and not keyword.iskeyword(value)


def _is_name(value: Any) -> bool:
    return isinstance(value, str) and value.isidentifier() and not keyword.iskeyword(value)


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


@dataclass(frozen=True)
class Key:
    """One key of a catalog entry: whether it is required, what its value must be, how to write it."""

    required: bool
    expected: str  # in words, completing "<key> must be ..."
    example: str  # a TOML line (or table) an author can copy
    valid: Callable[[Any], bool] | None = None  # None: a {en, zh} text, or a list of them (hints)


TEXT_EXPECTED = "a table with an English and a Chinese string"
ENTRY_KEYS: dict[str, Key] = {
    "id": Key(
        True,
        "a lower-case Python name (it is the file's and the function's name)",
        'id = "outer_sum"',
        _is_id,
    ),
    "points": Key(
        True,
        "a whole number of at least 1",
        "points = 10",
        lambda v: type(v) is int and v >= 1,  # not a bool, not a float, not a string
    ),
    "seed": Key(
        True,
        "a string naming the tutorial section to reread",
        'seed = "000 §2.4"',
        lambda v: isinstance(v, str),
    ),
    "title": Key(True, TEXT_EXPECTED, 'title = { en = "Outer sum", zh = "外和" }'),
    "statement": Key(True, TEXT_EXPECTED, 'statement.en = """..."""  and  statement.zh = """..."""'),
    "hints": Key(
        True,
        "a non-empty list of tables with an English and a Chinese string",
        '[[exercise.hints]]  then  en = "..."  and  zh = "..."',
    ),
    "entry": Key(
        False,
        "a name or a list of names the learner defines (default: the id)",
        'entry = ["save_checkpoint", "load_checkpoint"]',
        lambda v: _is_name(v) or (_strings(v) and bool(v) and all(_is_name(n) for n in v)),
    ),
    "forbidden": Key(
        False, "a list of strings", 'forbidden = ["torch.broadcast_to", ".matmul", "@"]', _strings
    ),
    "equivalent_mutants": Key(
        False, "a list of mutant ids (strings)", 'equivalent_mutants = ["L12:Sub->swapped#0"]', _strings
    ),
    "not_allowed": Key(False, TEXT_EXPECTED, 'not_allowed = { en = "F.one_hot.", zh = "F.one_hot。" }'),
    "reference_shown": Key(
        False,
        "true or false: true only where the reference is the library's own function the exercise forbids"
        " (learners may see it); default false, the reference stays with the instructor",
        "reference_shown = true",
        lambda v: type(v) is bool,
    ),
}
TEXT_KEYS = ("en", "zh")


def _type(value: Any) -> str:
    return type(value).__name__


def _unknown(key: str, known: Iterable[str]) -> str:
    hint = suggest(key, known)
    return f"unknown key {key!r} ({hint.strip()})" if hint else f"unknown key {key!r}"


def _text_problems(name: str, value: Any) -> list[str]:
    """What is wrong with a {en, zh} text (``name``: title, statement, hints[0], ...)."""
    if not isinstance(value, dict):
        return [
            f"{name} must be {TEXT_EXPECTED}, got {value!r} (a {_type(value)});"
            f" write {name} = {{ en = ..., zh = ... }}"
        ]
    problems = [
        f'{name} is missing {lang}: add {name}.{lang} = "..."' for lang in TEXT_KEYS if lang not in value
    ]
    problems += [
        f"{name} has an {_unknown(k, TEXT_KEYS)}: only en and zh" for k in value if k not in TEXT_KEYS
    ]
    for lang in TEXT_KEYS:
        if lang in value and not isinstance(value[lang], str):
            problems.append(f"{name}.{lang} must be a string, got {value[lang]!r} (a {_type(value[lang])})")
    return problems


def entry_problems(raw: Any) -> list[str]:
    """Every way a raw ``[[exercise]]`` table breaks the schema, each saying how to fix it; [] if none.

    >>> entry_problems({"id": "x", "points": "ten", "seed": "000 §1", "forbiden": [],
    ...                 "title": {"en": "X", "zh": "X"}, "statement": {"en": "", "zh": ""},
    ...                 "hints": [{"en": "h", "zh": "h"}]})[0]
    "unknown key 'forbiden' (did you mean forbidden?); remove it or correct its name"
    """
    if not isinstance(raw, dict):
        return [f"each [[exercise]] must be a table, got {raw!r}"]
    problems = [
        f"{_unknown(k, ENTRY_KEYS)}; remove it or correct its name" for k in raw if k not in ENTRY_KEYS
    ]
    for key, spec in ENTRY_KEYS.items():
        if key not in raw:
            if spec.required:
                problems.append(f"missing {key}: it must be {spec.expected}, e.g. {spec.example}")
            continue
        value = raw[key]
        if key in ("title", "statement", "not_allowed"):
            problems += _text_problems(key, value)
        elif key == "hints":
            if not isinstance(value, list) or not value:
                problems.append(f"hints must be {spec.expected}, got {value!r}; write {spec.example}")
            else:
                for i, hint in enumerate(value):
                    problems += _text_problems(f"hints[{i}]", hint)
        elif spec.valid is not None and not spec.valid(value):
            fix = (
                f"{key} = [{value!r}]".replace("'", '"') if isinstance(value, str) and key != "entry" else ""
            )
            fix = fix if fix and spec.valid([value]) else spec.example
            problems.append(
                f"{key} must be {spec.expected}, got {value!r} (a {_type(value)}); write e.g. {fix}"
            )
    return problems


def _text(raw: dict) -> Text:
    return Text(en=raw["en"].strip(), zh=raw["zh"].strip())


def _exercise(raw: dict, chapter: str, course_root: Path | None) -> Exercise:
    """A validated entry (``entry_problems(raw) == []``) as an Exercise."""
    entry = raw.get("entry", raw["id"])
    return Exercise(
        id=raw["id"],
        chapter=chapter,
        entry=tuple(entry) if isinstance(entry, list) else (entry,),
        points=raw["points"],
        title=_text(raw["title"]),
        statement=_text(raw["statement"]),
        hints=tuple(_text(h) for h in raw["hints"]),
        seed=raw["seed"].strip(),
        forbidden=tuple(raw.get("forbidden", ())),
        equivalent_mutants=tuple(raw.get("equivalent_mutants", ())),
        not_allowed=_text(raw["not_allowed"]) if "not_allowed" in raw else None,
        reference_shown=raw.get("reference_shown", False),
        course_root=course_root,
    )


def load_catalog(directory: Path, course_root: Path | None = None) -> tuple[Exercise, ...]:
    """Every exercise in course order, validated against the schema (:data:`ENTRY_KEYS`). Chapter files are
    named ``NN_topic.toml``; ``course_root``: the course the entries belong to (default: the folder above
    ``directory``). Raises CatalogError listing every problem, each with its file, exercise and fix.
    """
    directory = Path(directory)
    course_root = Path(course_root if course_root is not None else directory.parent).resolve()
    exercises: list[Exercise] = []
    problems: list[str] = []
    where: dict[str, list[str]] = {}
    for path in sorted(directory.glob("*.toml")):
        shown = f"{directory.name}/{path.name}"
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
            problems.append(f"{shown}: not valid TOML ({e}); fix the syntax")
            continue
        problems += [
            f"{shown}: {_unknown(k, ['exercise'])}; a chapter file holds [[exercise]] tables only"
            for k in data
            if k != "exercise"
        ]
        entries = data.get("exercise", [])
        if not isinstance(entries, list):
            problems.append(f"{shown}: exercise must be a list of [[exercise]] tables; write [[exercise]]")
            continue
        for i, raw in enumerate(entries):
            name = (
                f"exercise {raw['id']}"
                if isinstance(raw, dict) and _is_id(raw.get("id"))
                else f"exercise #{i + 1}"
            )
            found = entry_problems(raw)
            problems += [f"{shown}: {name}: {p}" for p in found]
            if not found:
                exercises.append(_exercise(raw, path.stem, course_root))
                where.setdefault(raw["id"], []).append(shown)
    for exercise_id, files in where.items():
        if len(files) > 1:
            problems.append(
                f"exercise id {exercise_id!r} appears in {' and '.join(files)}: ids must be unique;"
                " rename one"
            )
    if problems:
        count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        shown_problems = "\n".join(f"  - {p}" for p in problems)
        raise CatalogError(f"{count} in the catalog {paths.shown(directory)}:\n{shown_problems}")
    return tuple(exercises)


def suggest(word: str, known: Iterable[str]) -> str:
    """``"did you mean forbidden? "`` for a near miss among ``known``, else ``""``.

    >>> suggest("forbiden", ["forbidden", "points"])
    'did you mean forbidden? '
    """
    close = difflib.get_close_matches(word, sorted(known), n=3)
    return f"did you mean {', '.join(close)}? " if close else ""
