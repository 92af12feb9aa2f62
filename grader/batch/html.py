"""HTML reports from a gradebook: one page for the class, one per learner (Jinja2, matplotlib SVG inline).

Each page is one self-contained file that opens from disk: styles and charts inline, no script, no
request to anywhere (its Content-Security-Policy forbids them). Everything a learner wrote (messages,
counterexamples, ids) is escaped by the templates. Labels are in the report's language (en or zh).
"""

from __future__ import annotations

import hashlib
import json
import re
import statistics
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from grader.batch import charts, patterns
from grader.batch.gradebook import Gradebook
from grader.batch.statuses import Intake
from grader.i18n import say
from grader.results import Status

TEXT = {
    "class_title": say("Class report", "班级报告"),
    "learner_title": say("Report for {learner}", "{learner} 的报告"),
    "learners": say("learners", "学生"),
    "graded": say("graded", "已评分"),
    "mean": say("mean score", "平均分"),
    "grading_time": say("time spent grading", "评分用时"),
    "distribution": say("Distribution of class scores", "班级分数分布"),
    "score_pct": say("score (% of the maximum)", "得分（占满分的百分比）"),
    "count": say("learners", "人数"),
    "pass_exercise": say("Pass rate per exercise", "各练习通过率"),
    "pass_check": say("Pass rate per check (where the class struggles)", "各检查项通过率（全班的难点）"),
    "pass_pct": say("passed (%)", "通过（%）"),
    "common": say("Most common failing checks and wrong outputs", "最常见的未通过检查与错误输出"),
    "same_code": say(
        "Same code after normalising names, comments and layout (for a person to look at, never a penalty)",
        "规范化命名、注释与格式后代码相同的提交（供人工查看，绝不作为扣分依据）",
    ),
    "statuses": say("Submissions by status", "各状态的提交数"),
    "exercise": say("exercise", "练习"),
    "check": say("check", "检查项"),
    "status": say("status", "状态"),
    "points": say("points", "得分"),
    "rate": say("pass rate", "通过率"),
    "pattern": say("wrong output", "错误输出"),
    "failed_checks": say("Failed checks, with their counterexamples", "未通过的检查项及反例"),
    "timing": say("Timing: your code vs the baseline", "用时：你的代码与基准对比"),
    "seconds": say("seconds (median per call)", "秒（每次调用的中位数）"),
    "you": say("you", "你"),
    "baseline": say("baseline", "基准"),
    "none": say("nothing to show", "暂无内容"),
    "not_graded": say("This submission was not graded", "此提交未被评分"),
    "run": say(
        "graded by grader {version} ({digest}), course {course} {course_version}, seed {seed}",
        "评分器 {version}（{digest}），课程 {course} {course_version}，种子 {seed}",
    ),
    "back": say("class report", "班级报告"),
}


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("grader.batch", "templates"),
        autoescape=True,  # learner text is untrusted: always escaped
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def page_name(learner: str) -> str:
    """A file name for any learner id (any characters, any language), distinct for distinct ids."""
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", learner).strip("._")[:40] or "learner"
    return f"{slug}-{hashlib.sha256(learner.encode()).hexdigest()[:8]}.html"


def write_reports(book: Gradebook, folder: Path, lang: str = "en") -> list[Path]:
    folder = Path(folder)
    (folder / "learners").mkdir(parents=True, exist_ok=True)
    env = _environment()
    text = {key: message.render(lang) for key, message in TEXT.items() if key not in ("learner_title", "run")}
    rows = book.current()
    checks = {r["learner"]: _checks(book, r) for r in rows}
    runs = book.runs()
    last = runs[-1] if runs else None
    provenance = (
        TEXT["run"](
            version=last["grader_version"],
            digest=last["grader_digest"][:19],
            course=last["course_name"],
            course_version=last["course_version"],
            seed=last["seed"],
        ).render(lang)
        if last
        else ""
    )
    written = [folder / "index.html"]
    context = _class_context(rows, checks, text, lang)
    written[0].write_text(
        env.get_template("class.html").render(lang=lang, t=text, provenance=provenance, **context),
        encoding="utf-8",
    )
    for row in rows:
        path = folder / "learners" / page_name(row["learner"])
        learner = _learner_context(row, checks[row["learner"]], text, lang)
        title = TEXT["learner_title"](learner=row["learner"]).render(lang)
        path.write_text(
            env.get_template("learner.html").render(
                lang=lang, t=text, title=title, provenance=provenance, **learner
            ),
            encoding="utf-8",
        )
        written.append(path)
    return written


def _checks(book: Gradebook, row: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    return {
        exercise: [dict(c) for c in book.checks_of(e["result"], exercise)]
        for exercise, e in row["exercises"].items()
    }


def _class_context(rows, checks, text, lang) -> dict[str, Any]:
    graded = [r for r in rows if r["status"] == Intake.OK]
    percents = [100 * r["score"] / r["max_score"] for r in graded if r["max_score"]]
    per_exercise: dict[str, list[bool]] = defaultdict(list)
    per_check: dict[tuple[str, str], list[bool]] = defaultdict(list)
    failing: Counter = Counter()
    for r in graded:
        for exercise, e in r["exercises"].items():
            per_exercise[exercise].append(Status(e["status"]).ok)
            for c in checks[r["learner"]][exercise]:
                if c["status"] == Status.SKIPPED:
                    continue
                per_check[(exercise, c["name"])].append(c["status"] == Status.PASSED)
                if c["status"] != Status.PASSED:
                    failing[(exercise, c["name"], c["pattern"] or c["status"])] += 1
    exercise_rates = [(e, 100 * sum(v) / len(v)) for e, v in per_exercise.items()]
    check_rates = sorted(
        ((e, c, 100 * sum(v) / len(v), len(v)) for (e, c), v in per_check.items()),
        key=lambda x: (x[2], x[0], x[1]),
    )
    durations = [e["duration_s"] for r in graded for e in r["exercises"].values()]
    statuses = Counter(Intake(r["status"]).label.render(lang) for r in rows)
    return {
        "rows": [
            dict(r, page=page_name(r["learner"]), label=Intake(r["status"]).label.render(lang)) for r in rows
        ],
        "summary": {
            "learners": len(rows),
            "graded": len(graded),
            "mean": f"{statistics.mean(percents):.1f}%" if percents else "-",
            "grading_time": f"{sum(durations):.1f} s",
        },
        "statuses": sorted(statuses.items()),
        "distribution": Markup(charts.histogram(percents, text["score_pct"], text["count"])),
        "exercise_chart": Markup(
            charts.bars([e for e, _ in exercise_rates], [v for _, v in exercise_rates], text["pass_pct"])
        ),
        "check_rates": [
            {"exercise": e, "check": c, "rate": f"{v:.0f}%", "n": n} for e, c, v, n in check_rates
        ],
        "common": [
            {"exercise": e, "check": c, "pattern": p, "n": n} for (e, c, p), n in failing.most_common(15)
        ],
        "same_code": patterns.same_code(graded),
    }


def _learner_context(row, checks, text, lang) -> dict[str, Any]:
    exercises = []
    failed = []
    timed: list[tuple[str, float, float]] = []
    for exercise, e in row["exercises"].items():
        exercises.append(
            {
                "id": exercise,
                "label": Status(e["status"]).label.render(lang),
                "status": e["status"],
                "points": f"{e['score']:g} / {e['max_score']:g}",
                "message": e["message"],
            }
        )
        for c in checks[exercise]:
            if c["status"] not in (Status.PASSED, Status.SKIPPED):
                failed.append({"exercise": exercise, "check": c["name"], "message": c["message"]})
            if c["timing"]:
                timing = json.loads(c["timing"])
                if timing.get("learner_s") is not None and timing.get("baseline_s") is not None:
                    timed.append((f"{exercise} › {c['name']}", timing["learner_s"], timing["baseline_s"]))
    chart = charts.paired_bars(
        [t[0] for t in timed],
        [t[1] for t in timed],
        [t[2] for t in timed],
        (text["you"], text["baseline"]),
        text["seconds"],
    )
    return {
        "row": row,
        "graded": row["status"] == Intake.OK,
        "status_label": Intake(row["status"]).label.render(lang),
        "exercises": exercises,
        "failed": failed,
        "timing_chart": Markup(chart),
    }
