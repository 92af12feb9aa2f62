"""What ``grader score`` prints: a header, one line per exercise as it is graded, then the failures'
feedback (the same text ``pytest exercises/`` shows) and the total."""

from __future__ import annotations

import unicodedata

from grader.i18n import say
from grader.printable import printable
from grader.reports import (
    EXAMPLES_PER_CHECK,
    ignored_course_line,
    points,
    provenance,
    status_label,
    weak_warning,
)
from grader.results import Status
from grader.score import ExerciseReport, Report, RunConfig, progress_text
from grader.timing import describe

MARKS = {Status.PASSED: "✓", Status.SKIPPED: "-", Status.NOT_STARTED: "·"}  # anything else: ✗
FAIL_UNDER = say(
    "score {percent:.1f}% is under --fail-under {threshold:g}%",
    "得分 {percent:.1f}% 低于 --fail-under {threshold:g}%",
)
NO_SECRET_SEED = say(
    "note: $GRADER_SEED is not set, so the ci profile uses the public seed {seed}",
    "注意：没有设置 $GRADER_SEED，ci 配置使用公开的种子 {seed}",
)


def header(config: RunConfig, lang: str) -> str:
    examples = EXAMPLES_PER_CHECK.render(lang)
    settings = f"seed {config.public_seed} · {config.settings.max_examples} {examples}"
    line = f"grader · profile {config.profile} · {settings}"
    if config.profile == "ci" and not config.seed_from_env:
        line += "\n" + NO_SECRET_SEED(seed=config.public_seed).render(lang)
    return line


def exercise_line(e: ExerciseReport, lang: str) -> str:
    """The exercise's line, then one line per timed check that ran (device, times, speedup, spread)."""
    mark = MARKS.get(e.status, "✗")
    label = _pad(status_label(e.status, lang), 14)
    line = f"  {mark} {e.id:<28} {label} {points(e.score):>6} / {points(e.max_score)}"
    return printable("\n".join([line, *timing_lines(e, lang)]))


def timing_lines(e: ExerciseReport, lang: str) -> list[str]:
    return [f"      ⏱ {c.name}: {describe(c.timing, lang)}" for c in e.checks if c.timing is not None]


def _pad(text: str, width: int) -> str:
    """Left-align in columns: a wide (CJK) character takes two."""
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - used)


def closing(report: Report) -> str:
    """The failures' feedback, then the total and what produced it."""
    blocks = []
    for e in report.exercises:
        if e.status == Status.NOT_STARTED:
            continue
        if e.message:
            blocks.append(e.message)
        blocks += [c.message for c in e.checks if not c.passed and c.status != Status.SKIPPED]
    total = f"{progress_text(report)} ({report.percent:.1f}%)"
    warning = weak_warning(report)
    ignored = ignored_course_line(report)
    notes = [*([f"⚠ {warning}"] if warning else []), *([f"⚠ {ignored}"] if ignored else [])]
    return printable("\n\n".join([*blocks, total, *notes, provenance(report)]))


def fail_under_line(report: Report, threshold: float) -> str:
    return FAIL_UNDER(percent=report.percent, threshold=threshold).render(report.lang)
