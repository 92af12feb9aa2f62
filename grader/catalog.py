"""The exercise catalog: one TOML file per chapter in a course's ``catalog/``, exercises in course order.

Each entry is the metadata part of an exercise (the other three are the stub, the reference and the
spec). Course order is chapter file order, then entry order inside the file. :func:`catalog`, :func:`get`
and friends answer for the course this process works on (:func:`grader.course.active`).
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


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
    # the root of the course the entry comes from (grader.course): where its spec and reference live
    course_root: Path | None = field(default=None, repr=False)

    @property
    def relpath(self) -> Path:
        """Where the exercise lives inside a tree laid out like ``exercises/``."""
        return Path(self.chapter) / f"{self.id}.py"


def _text(raw: object, where: str) -> Text:
    if not isinstance(raw, dict) or not {"en", "zh"} <= raw.keys():
        raise CatalogError(f"{where}: expected a table with 'en' and 'zh' strings, got {raw!r}")
    return Text(en=str(raw["en"]).strip(), zh=str(raw["zh"]).strip())


def _exercise(raw: dict, chapter: str, where: str, course_root: Path | None = None) -> Exercise:
    missing = {"id", "points", "title", "statement", "hints", "seed"} - raw.keys()
    if missing:
        raise CatalogError(f"{where}: missing {sorted(missing)}; see docs/authoring.md")
    hints = raw["hints"]
    if not isinstance(hints, list) or not hints:
        raise CatalogError(f"{where}: 'hints' must be a non-empty list of {{en, zh}} tables")
    entry = raw.get("entry", raw["id"])
    return Exercise(
        id=raw["id"],
        chapter=chapter,
        entry=tuple(entry) if isinstance(entry, list) else (entry,),
        points=int(raw["points"]),
        title=_text(raw["title"], f"{where}.title"),
        statement=_text(raw["statement"], f"{where}.statement"),
        hints=tuple(_text(h, f"{where}.hints[{i}]") for i, h in enumerate(hints)),
        seed=str(raw["seed"]),
        forbidden=tuple(raw.get("forbidden", ())),
        equivalent_mutants=tuple(raw.get("equivalent_mutants", ())),
        course_root=course_root,
    )


def load_catalog(directory: Path, course_root: Path | None = None) -> tuple[Exercise, ...]:
    """Every exercise in course order. Chapter files are named ``NN_topic.toml``; ``course_root``: the
    course the entries belong to (default: the folder above ``directory``)."""
    directory = Path(directory)
    course_root = Path(course_root if course_root is not None else directory.parent).resolve()
    exercises: list[Exercise] = []
    for path in sorted(directory.glob("*.toml")):
        with path.open("rb") as f:
            try:
                data = tomllib.load(f)
            except tomllib.TOMLDecodeError as e:
                raise CatalogError(f"{path}: not valid TOML: {e}") from None
        for i, raw in enumerate(data.get("exercise", [])):
            exercises.append(_exercise(raw, path.stem, f"{path.name}: exercise[{i}]", course_root))
    ids = [e.id for e in exercises]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise CatalogError(f"exercise ids must be unique; repeated: {duplicates}")
    return tuple(exercises)


def catalog() -> tuple[Exercise, ...]:
    """The exercises of the course this process works on, in course order."""
    from grader import course

    return course.active().exercises


def by_id() -> dict[str, Exercise]:
    return {e.id: e for e in catalog()}


def get(exercise_id: str) -> Exercise:
    """The active course's exercise with this id (KeyError saying what to do)."""
    from grader import course

    return course.active().get(exercise_id)


def course_index(exercise_id: str) -> int:
    return [e.id for e in catalog()].index(exercise_id)


def suggest(word: str, known: Iterable[str]) -> str:
    """``"did you mean forbidden? "`` for a near miss among ``known``, else ``""``.

    >>> suggest("forbiden", ["forbidden", "points"])
    'did you mean forbidden? '
    """
    close = difflib.get_close_matches(word, sorted(known), n=3)
    return f"did you mean {', '.join(close)}? " if close else ""
