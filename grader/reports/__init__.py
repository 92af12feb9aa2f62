"""Report formats, each written from a :class:`grader.score.Report` by a pure ``render(report) -> str``.

- :mod:`~grader.reports.json_report` — the documented, versioned result
  (``grader/schemas/result.schema.json``);
- :mod:`~grader.reports.gradescope` — Gradescope's ``results.json``;
- :mod:`~grader.reports.junit` — JUnit XML for CI test tabs;
- :mod:`~grader.reports.markdown` — a summary for ``$GITHUB_STEP_SUMMARY``;
- :mod:`~grader.reports.terminal` — what ``grader score`` prints.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from grader.i18n import say
from grader.results import Status
from grader.score import Report

WEAK = say(
    "NOT PROTECTED: learner code ran at the {level} level, where it could have rewritten the grader's files"
    " and this score; do not use it for grades (see docs/score.md, 'Isolation')",
    "分数不受保护：学生代码在 {level} 级别运行，可能改写了评分器的文件和这个分数；请勿将其用于评分"
    "（见 docs/score.md 的“Isolation”一节）",
)
IGNORED_COURSE = say(
    "Graded against course {course}, which the person running the grader chose; ignored the course files"
    " found with the submission: {files} (a submission never chooses its own course: docs/score.md)",
    "按运行评分器的人选定的课程 {course} 评分；已忽略随提交一起发现的课程文件：{files}"
    "（提交不能自己选择课程：见 docs/score.md）",
)


EXAMPLES_PER_CHECK = say("examples per check", "每项检查的样例数")


def weak_warning(report: Report) -> str | None:
    """The warning every report carries when the sandbox could not protect the score, else None."""
    return WEAK(level=report.sandbox["level"]).render(report.lang) if report.weak else None


def ignored_course_line(report: Report) -> str | None:
    """The line every report carries when the graded tree held course files that were not used, else None."""
    ignored = report.course.get("ignored") or []
    if not ignored:
        return None
    files = ", ".join("".join(c if c.isprintable() else "?" for c in path) for path in ignored)
    name = f"{report.course.get('name', '')} {report.course.get('version', '')}".strip()
    return IGNORED_COURSE(course=name, files=files).render(report.lang)


def status_label(status: Status | str, lang: str) -> str:
    """The status as the learner reads it (grader.results.LABELS)."""
    return Status(status).label.render(lang)


def points(value: float) -> str:
    """Points as people write them: 10, 5.5, 3.33."""
    return f"{value:g}"


def provenance(report: Report) -> str:
    """One line saying what produced the score: CI recomputes it, and this line says with what."""
    v = report.versions
    examples = EXAMPLES_PER_CHECK.render(report.lang)
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


def write_report(path: Path, text: str) -> None:
    """Write a report as a new file that replaces whatever is at ``path``: a link planted there (by a
    submission, or committed in a learner's repository) is replaced, never written through."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        # "replace": a character no UTF-8 file can hold (a lone surrogate) must not cost the whole report
        with os.fdopen(fd, "w", encoding="utf-8", errors="replace") as f:
            f.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
