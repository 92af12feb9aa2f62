"""The tutorials a course draws on, and how a section of one is cited to a learner.

A course lists its tutorials in ``course.toml`` (one ``[[tutorial]]`` table each: number, title, author,
date as the tutorial's own heading gives them, and where a learner finds it). An exercise's ``seed`` field
names a tutorial by its number and the sections to reread (``"000 §2.5"``, ``"000 §5.1, §6"``); what a
learner reads is the title with the sections, never the bare number:

>>> t = Tutorial("000", Text(en="PyTorch basics", zh="PyTorch 入门"), Text(en="a book", zh="一本书"))
>>> cite("000 §5.1, §6", {"000": t}).en
'"PyTorch basics", §5.1, §6'
>>> cite("000 §5.1, §6", {"000": t}).zh
'《PyTorch 入门》§5.1、§6'

Where the tutorials' files are at hand (an optional folder: ``seeds`` in course.toml or
``grader check --tutorials``), :func:`missing_sections` tells which cited sections a file lacks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grader.catalog import Text

SEED = re.compile(r"(?P<number>\d{3}) (?P<sections>§\d+(\.\d+)*(, §\d+(\.\d+)*)*)")
NUMBER = re.compile(r"\d{3}")
CHINESE_NUMERALS = "一二三四五六七八九十"  # "三、" heads section 3 in some tutorials

TUTORIAL_KEYS = {
    "number": "the three digits the seed fields use, e.g. '000'",
    "title": "a table { zh = 'the title as the tutorial's heading gives it', en = 'its translation' }",
    "author": "optional: the author as the heading gives it (leave it out when the tutorial names none)",
    "date": "optional: the date as the heading gives it (leave it out when the tutorial gives none)",
    "where": "a table { en = '...', zh = '...' }: where a learner finds the tutorial (an address, or which"
    " course materials hold it)",
}


@dataclass(frozen=True)
class Tutorial:
    number: str
    title: Text  # zh: as the tutorial's own heading has it; en: a translation
    where: Text  # where a learner finds it
    author: str = ""  # "" when the tutorial names no author
    date: str = ""  # "" when it gives no date


def parse(raw: Any) -> tuple[tuple[Tutorial, ...], list[str]]:
    """The ``[[tutorial]]`` tables of a course.toml, and a problem for each malformed one."""
    if not isinstance(raw, list):
        return (), [f"tutorial must be a list of [[tutorial]] tables with {', '.join(TUTORIAL_KEYS)}"]
    found: list[Tutorial] = []
    problems: list[str] = []
    for i, table in enumerate(raw):
        shown = f"tutorial #{i + 1}"
        if not isinstance(table, dict):
            problems.append(f"{shown}: expected a [[tutorial]] table")
            continue
        wrong = [f"unknown key {k!r}" for k in table if k not in TUTORIAL_KEYS]
        number = table.get("number")
        if not (isinstance(number, str) and NUMBER.fullmatch(number)):
            wrong.append(f"number must be {TUTORIAL_KEYS['number']}, got {number!r}")
        else:
            shown = f"tutorial {number}"
            if any(t.number == number for t in found):
                wrong.append("listed twice: numbers must be unique")
        for key in ("title", "where"):
            if not _text(table.get(key)):
                wrong.append(f"{key} must be {TUTORIAL_KEYS[key]}, got {table.get(key)!r}")
        for key in ("author", "date"):
            value = table.get(key, "x")
            if not (isinstance(value, str) and value.strip()):
                wrong.append(f"{key} must be {TUTORIAL_KEYS[key]}, got {value!r}")
        if wrong:
            problems += [f"{shown}: {w}" for w in wrong]
            continue
        found.append(
            Tutorial(
                number=number,
                title=Text(en=table["title"]["en"].strip(), zh=table["title"]["zh"].strip()),
                where=Text(en=table["where"]["en"].strip(), zh=table["where"]["zh"].strip()),
                author=table.get("author", "").strip(),
                date=table.get("date", "").strip(),
            )
        )
    return tuple(found), problems


def _text(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and set(value) == {"en", "zh"}
        and all(isinstance(v, str) and v.strip() for v in value.values())
    )


def sections(seed: str) -> list[str]:
    """``"000 §5.1, §6"`` -> ``["5.1", "6"]`` (ValueError for a seed not written that way)."""
    match = SEED.fullmatch(seed)
    if not match:
        raise ValueError(
            f"Expected a tutorial and sections such as '000 §2.4' or '000 §5.1, §6' but got {seed!r}"
        )
    return [s.strip().removeprefix("§") for s in match["sections"].split(",")]


def cite(seed: str, listed: Mapping[str, Tutorial]) -> Text:
    """The tutorial's title with the sections, in both languages; a seed the course does not list (which
    ``grader check`` reports) is shown as written, so a learner still sees something to look for."""
    match = SEED.fullmatch(seed)
    tutorial = listed.get(match["number"]) if match else None
    if tutorial is None:
        return Text(en=f"tutorial {seed}", zh=f"教程 {seed}")
    parts = [f"§{s}" for s in sections(seed)]
    en, zh = ", ".join(parts), "、".join(parts)
    return Text(en=f'"{tutorial.title.en}", {en}', zh=f"《{tutorial.title.zh}》{zh}")


def file_of(number: str, folder: Path) -> Path | None:
    """The tutorial's file in a folder of tutorials: its name starts with the number."""
    return next(iter(sorted(p for p in folder.glob(f"{number}*") if p.is_file())), None)


def missing_sections(seed: str, text: str) -> list[str]:
    """The sections a seed cites that the tutorial's text has no heading for. A heading is a line that
    starts with the section's number (after any ``#``), then a separator: ``## 2.5 张量重塑``,
    ``3.2 张量属性``, ``7. 模型的保存与加载``; a chapter may also be a Chinese numeral (``三、``).

    >>> missing_sections("000 §2.5, §3", "## 2.5 张量重塑\\n### 三、核心数据结构")
    []
    >>> missing_sections("000 §2.7", "## 2.5 张量重塑\\n2.75 apples")
    ['2.7']
    """
    found = []
    for section in sections(seed):
        forms = [re.escape(section) + r"(\.(?!\d)|[\s、．:：]|$)"]
        if section.isdigit() and 0 < int(section) <= len(CHINESE_NUMERALS):
            forms.append(CHINESE_NUMERALS[int(section) - 1] + "、")
        heading = re.compile(r"^[#\s]*(" + "|".join(forms) + ")", re.M)
        if not heading.search(text):
            found.append(section)
    return found
