"""The reports' charts: matplotlib, drawn as SVG text to put inline in a page (no file, no network).

Each function returns an ``<svg>`` element, or "" when there is nothing to draw.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

BLUE, RED, GREY = "#3b6ea5", "#c0504d", "#9aa5b1"


@cache
def _matplotlib():
    """matplotlib, set up once, when a chart is drawn: ``grader score`` imports every grader module before
    grading (grader.integrity), and a quarter of a second of matplotlib is not for it to pay."""
    import matplotlib

    matplotlib.use("Agg")  # never a window, whatever the machine has
    matplotlib.rcParams["svg.hashsalt"] = "grader"  # the same page for the same data
    matplotlib.rcParams["svg.fonttype"] = "none"  # text stays text: the browser's fonts show Chinese
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    return Figure, MaxNLocator


def _figure(**options) -> Figure:
    return _matplotlib()[0](**options)


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    with warnings.catch_warnings():  # Chinese labels: measured with a Latin font, drawn by the browser's
        warnings.filterwarnings("ignore", "Glyph .* missing from font", UserWarning)
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]  # without the XML prolog and doctype: inline in HTML


def histogram(values: Sequence[float], xlabel: str, ylabel: str, bins: int = 10) -> str:
    if not values:
        return ""
    figure = _figure(figsize=(6, 2.8))
    axes = figure.subplots()
    axes.hist(
        values, bins=bins, range=(0, 100) if max(values) <= 100 else None, color=BLUE, edgecolor="white"
    )
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    axes.yaxis.set_major_locator(_matplotlib()[1](integer=True))  # a count of learners: no half learner
    axes.spines[["top", "right"]].set_visible(False)
    return _svg(figure)


def bars(labels: Sequence[str], values: Sequence[float], xlabel: str, limit: float | None = 100) -> str:
    """Horizontal bars, one per label (pass rates in percent, or seconds)."""
    if not labels:
        return ""
    figure = _figure(figsize=(6, 0.35 * len(labels) + 0.9))
    axes = figure.subplots()
    positions = range(len(labels))
    axes.barh(positions, values, color=[RED if limit and v < 50 else BLUE for v in values])
    axes.set_yticks(list(positions), labels=list(labels))
    axes.invert_yaxis()
    if limit:
        axes.set_xlim(0, limit)
    axes.set_xlabel(xlabel)
    axes.spines[["top", "right"]].set_visible(False)
    return _svg(figure)


def paired_bars(labels: Sequence[str], mine: Sequence[float], theirs: Sequence[float], names: tuple[str, str],
                xlabel: str) -> str:  # fmt: skip
    """Two bars per label: the learner's time and the baseline's."""
    if not labels:
        return ""
    figure = _figure(figsize=(6, 0.5 * len(labels) + 1.0))
    axes = figure.subplots()
    positions = list(range(len(labels)))
    axes.barh([p - 0.2 for p in positions], mine, height=0.4, color=BLUE, label=names[0])
    axes.barh([p + 0.2 for p in positions], theirs, height=0.4, color=GREY, label=names[1])
    axes.set_yticks(positions, labels=list(labels))
    axes.invert_yaxis()
    axes.set_xlabel(xlabel)
    axes.legend(frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    return _svg(figure)
