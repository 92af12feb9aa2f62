"""A Markdown summary for ``$GITHUB_STEP_SUMMARY`` (GitHub-flavoured): a table, the total, and each
failure's feedback folded in a ``<details>`` block, so the page stays short for a learner who is nearly done.
"""

from __future__ import annotations

import html
import re

from grader.i18n import say
from grader.printable import printable
from grader.reports import ignored_course_line, points, provenance, status_label, weak_warning
from grader.results import Status
from grader.score import ExerciseReport, Report
from grader.timing import describe

ICONS = {Status.PASSED: "✅", Status.SKIPPED: "⏭️", Status.NOT_STARTED: "⬜", Status.FAILED: "❌"}  # else ⚠️

HEADING = say(
    "Grader: {score} / {max_score} points ({percent:.0f}%)",
    "评分：{score} / {max_score} 分（{percent:.0f}%）",
)
COLUMNS = say("Exercise | Status | Points", "练习 | 状态 | 得分")
TOTAL = say("Total", "总计")
FAILURES = say("What to fix", "需要修改的地方")
TIMED = say("Timed checks", "计时检查")
MORE = say(
    "… and {count} more (GitHub shows at most 1 MiB here): see the JSON report",
    "……还有 {count} 项（GitHub 在这里最多显示 1 MiB）：请看 JSON 报告",
)
MAX_BYTES = 900_000  # GitHub refuses a step summary over 1 MiB


def render(report: Report) -> str:
    lang = report.lang
    heading = HEADING(score=points(report.score), max_score=points(report.max_score), percent=report.percent)
    heading = heading.render(lang)
    out = [f"## {heading}", ""]
    warning = weak_warning(report)
    if warning:
        out += [f"> ⚠️ **{html.escape(warning, quote=False)}**", ""]
    ignored = ignored_course_line(report)
    if ignored:
        out += [f"> ⚠️ {html.escape(ignored, quote=False)}", ""]
    out += [f"| | {COLUMNS.render(lang)} |", "|---|---|---|---:|"]
    for e in report.exercises:
        name = f"`{e.id}` {_cell(e.title)}"
        out.append(
            f"| {_icon(e.status)} | {name} | {_cell(status_label(e.status, lang))} "
            f"| {points(e.score)} / {points(e.max_score)} |"
        )
    done = f"{report.passed_count} / {len(report.exercises)}"
    out.append(
        f"| | **{TOTAL.render(lang)}** | {done} | **{points(report.score)} / {points(report.max_score)}** |"
    )
    timed = [
        f"- `{e.id}` › {c.name}: {_cell(describe(c.timing, lang))}"
        for e in report.exercises
        for c in e.checks
        if c.timing is not None
    ]
    if timed:
        out += ["", f"### {TIMED.render(lang)}", "", *timed]
    footer = ["", f"<sub>{html.escape(provenance(report), quote=False)}</sub>", ""]
    failures = [block for e in report.exercises for block in _failures(e)]
    if failures:
        out += ["", f"### {FAILURES.render(lang)}", ""]
        budget = MAX_BYTES - _size(out) - _size(footer) - 200
        for shown, block in enumerate(failures):
            if _size([block]) > budget:
                out.append(MORE(count=len(failures) - shown).render(lang))
                break
            out.append(block)
            budget -= _size([block])
    return printable("\n".join(out + footer))


def _size(lines: list[str]) -> int:
    return sum(len(line.encode("utf-8")) + 1 for line in lines)


def _failures(e: ExerciseReport) -> list[str]:
    if e.status == Status.NOT_STARTED:
        return []  # the table already says so, and the stub says what to do
    if not e.checks:
        return [_details(f"{_icon(e.status)} {e.id}", e.message)]
    return [
        _details(
            f"{_icon(c.status)} {e.id} › {c.name} ({points(c.points)} / {points(c.max_points)})", c.message
        )
        for c in e.checks
        if not c.passed and c.status != Status.SKIPPED
    ]


def _details(summary: str, text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)  # a fence longer than any backtick run inside the text
    return "\n".join(
        [
            f"<details><summary>{html.escape(summary, quote=False)}</summary>",
            "",
            f"{fence}text",
            text,
            fence,
            "",
            "</details>",
            "",
        ]
    )


def _icon(status: str) -> str:
    return ICONS.get(status, "⚠️")


def _cell(text: str) -> str:
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", " ")
