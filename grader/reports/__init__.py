"""Report formats, each written from a :class:`grader.score.Report` by a pure ``render(report) -> str``.

- :mod:`~grader.reports.json_report` — the documented, versioned result
  (``grader/schemas/result.schema.json``);
- :mod:`~grader.reports.gradescope` — Gradescope's ``results.json``;
- :mod:`~grader.reports.junit` — JUnit XML for CI test tabs;
- :mod:`~grader.reports.markdown` — a summary for ``$GITHUB_STEP_SUMMARY``;
- :mod:`~grader.reports.terminal` — what ``grader score`` prints.
"""

from __future__ import annotations

from grader.i18n import Msg, say
from grader.score import Report

STATUS_LABELS: dict[str, Msg] = {
    "passed": say("passed", "通过"),
    "failed": say("failed", "未通过"),
    "not_started": say("not started", "尚未开始"),
    "error": say("error", "出错"),
    "timeout": say("timed out", "超时"),
    "skipped": say("skipped", "已跳过"),
    "memory": say("out of memory", "内存超限"),
    "crashed": say("crashed", "崩溃"),
    "exited": say("exited early", "提前退出"),
    "output_limit": say("too much output", "输出过多"),
}


def status_label(status: str, lang: str) -> str:
    label = STATUS_LABELS.get(status)
    return label.render(lang) if label else status


def points(value: float) -> str:
    """Points as people write them: 10, 5.5, 3.33."""
    return f"{value:g}"


def provenance(report: Report) -> str:
    """One line saying what produced the score: CI recomputes it, and this line says with what."""
    v = report.versions
    examples = say("examples per check", "每项检查的样例数").render(report.lang)
    parts = [
        f"grader {v['grader']} ({v['grader_digest'][:19]})",
        f"profile {report.config.profile}",
        f"seed {report.config.public_seed}",
        f"{report.config.settings.max_examples} {examples}",
        f"torch {v['torch']}",
        f"python {v['python']}",
        f"hypothesis {v['hypothesis']}",
        f"{report.device['type']}",
        report.isolation,
        report.timestamp,
    ]
    return " · ".join(parts)
