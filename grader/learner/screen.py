"""What ``grader watch`` draws (with rich): the exercise, its verdict, hints, progress by chapter, keys."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from grader import course
from grader.learner import texts
from grader.learner.progress import CHANGED, UNCHECKED, Row, by_chapter
from grader.learner.state import Verdict
from grader.results import Status

# anything else is marked ✗, in red
MARKS = {Status.PASSED: "✓", Status.NOT_STARTED: "·", UNCHECKED: "?", CHANGED: "~"}
STYLES = {Status.PASSED: "green", Status.NOT_STARTED: "dim", UNCHECKED: "yellow", CHANGED: "yellow"}


@dataclass
class View:
    """Everything one screen shows."""

    lang: str
    rows: Sequence[Row]
    current: int | None  # index into rows; None when every exercise passes
    tree_label: str
    verdict: Verdict | None = None
    checking: bool = False
    hints_shown: int = 0
    notices: list[str] = field(default_factory=list)  # one-off lines: moved on, last hint, welcome
    listing: bool = False


def draw(console: Console, view: View) -> None:
    console.clear()
    console.print(render(view))


def render(view: View) -> RenderableType:
    parts: list[RenderableType] = [
        Text(f"{texts.render(texts.TITLE, view.lang)} · {view.tree_label}", style="bold")
    ]
    parts += [Text(line, style="cyan") for line in view.notices]
    if view.listing:
        parts.append(listing(view))
    elif view.current is None:
        parts.append(Text(texts.render(texts.ALL_DONE, view.lang), style="bold green"))
    else:
        parts += exercise_panel(view)
    parts.append(chapters(view))
    parts.append(Text(texts.render(texts.KEYS, view.lang), style="dim"))
    return Group(*parts)


def exercise_panel(view: View) -> list[RenderableType]:
    lang, row = view.lang, view.rows[view.current]
    exercise = row.exercise
    heading = texts.render(
        texts.EXERCISE, lang, chapter=exercise.chapter, id=exercise.id, title=exercise.title[lang],
        points=exercise.points,
    )  # fmt: skip
    body = [Text(exercise.statement[lang])]
    if exercise.forbidden:
        body.append(
            Text(texts.render(texts.NOT_ALLOWED, lang, names=", ".join(exercise.forbidden)), style="dim")
        )
    body.append(
        Text(texts.render(texts.FILE, lang, path=f"{view.tree_label}/{exercise.relpath}"), style="dim")
    )
    out: list[RenderableType] = [Panel(Group(*body), title=heading, title_align="left")]
    out.append(verdict_block(view, row))
    for k in range(view.hints_shown):
        hint = texts.render(
            texts.HINT, lang, shown=k + 1, total=len(exercise.hints), text=exercise.hints[k][lang]
        )
        out.append(Text(hint, style="magenta"))
    if view.hints_shown:
        citation = course.of(exercise).cite(exercise.seed)[lang]
        out.append(Text(texts.render(texts.REREAD, lang, citation=citation), style="dim magenta"))
    return out


def verdict_block(view: View, row: Row) -> RenderableType:
    lang = view.lang
    if view.checking:
        return Text(texts.render(texts.CHECKING, lang), style="yellow")
    verdict = view.verdict
    if verdict is None:
        if row.status == Status.NOT_STARTED:
            return Text(texts.render(texts.WAITING, lang), style="dim")
        return Text(texts.render(texts.STATUS[row.status], lang), style="yellow")
    numbers = {"score": f"{verdict.score:g}", "max": f"{verdict.max_score or row.exercise.points:g}"}
    if verdict.passed:
        return Text(texts.render(texts.PASSED, lang, seconds=verdict.seconds, **numbers), style="bold green")
    status = texts.render(texts.STATUS.get(verdict.status, texts.STATUS[Status.FAILED]), lang)
    lines: list[RenderableType] = [
        Text(
            texts.render(texts.FAILED, lang, status=status, seconds=verdict.seconds, **numbers),
            style="bold red",
        )
    ]
    if verdict.feedback:
        lines.append(Text(verdict.feedback))
    if verdict.output.strip():
        lines.append(Text(texts.render(texts.PRINTED, lang), style="dim"))
        lines.append(Text(verdict.output.rstrip(), style="dim"))
    return Group(*lines)


def chapters(view: View) -> RenderableType:
    table = Table.grid(padding=(0, 1))
    for chapter, done, total in by_chapter(view.rows):
        bar = ProgressBar(
            total=total, completed=done, width=20, complete_style="green", finished_style="green"
        )
        table.add_row(Text(chapter, style="bold" if done == total else ""), bar, Text(f"{done}/{total}"))
    return table


def listing(view: View) -> RenderableType:
    table = Table(show_header=False, box=None, padding=(0, 1))
    for i, row in enumerate(view.rows):
        mark = MARKS.get(row.status, "✗")
        style = STYLES.get(row.status, "red")
        pointer = "▶" if i == view.current else " "
        status = texts.render(texts.STATUS.get(row.status, texts.STATUS[Status.FAILED]), view.lang)
        table.add_row(
            pointer, Text(mark, style=style), row.exercise.chapter, row.exercise.id, Text(status, style=style)
        )
    return table
