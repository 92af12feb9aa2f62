"""``grader batch`` and ``grader gradebook {show,export,report}``: parsing, then grader.batch's modules.

grader batch submissions/ --course pytorch-basics --db class.sqlite --workers 2
grader gradebook show --db class.sqlite
grader gradebook export --db class.sqlite --csv grades.csv --shape canvas
grader gradebook report --db class.sqlite --html reports/
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from grader.errors import ScoreError
from grader.i18n import LANGS
from grader.profiles import PROFILES
from grader.settings import LANG, MAX_EXAMPLES, PROFILE, SEED


def register(commands, add_grading_course_option) -> None:
    batch = commands.add_parser("batch", help="grade a class: one submission per learner, into a gradebook")
    batch.set_defaults(batch="batch")
    batch.add_argument("submissions", type=Path, help="the folder your LMS exported, one entry per learner")
    batch.add_argument("--db", type=Path, required=True, help="the gradebook (SQLite), created if missing")
    batch.add_argument(
        "--workers", type=_positive, default=1, metavar="N", help="grade N submissions at once"
    )
    batch.add_argument("--scheduler", metavar="URL", help="a Dask scheduler (tcp://host:8786) to grade on")
    batch.add_argument("--exercise", action="append", metavar="ID", help="grade only this exercise (repeat)")
    batch.add_argument(
        "--regrade",
        action="append",
        default=[],
        metavar="ID",
        help="regrade this learner or exercise (repeat)",
    )
    batch.add_argument("--html", type=Path, metavar="DIR", help="write the HTML reports there when done")
    batch.add_argument(SEED.flag, type=int, help=SEED.help_text)
    batch.add_argument(MAX_EXAMPLES.flag, type=int, metavar="N", help=MAX_EXAMPLES.help_text)
    batch.add_argument(PROFILE.flag, choices=sorted(PROFILES), help=PROFILE.help_text)
    batch.add_argument(LANG.flag, choices=LANGS, help=LANG.help_text)
    batch.add_argument("--allow-weak-isolation", action="store_true", help="as for grader score")
    add_grading_course_option(batch)

    book = commands.add_parser("gradebook", help="show, export or report a gradebook")
    book.set_defaults(batch="gradebook")
    actions = book.add_subparsers(dest="action", required=True)
    show = actions.add_parser("show", help="the runs and each learner's grade")
    export = actions.add_parser("export", help="CSV for an LMS")
    export.add_argument("--csv", type=Path, required=True, metavar="PATH", help="where to write it")
    export.add_argument("--shape", choices=("plain", "canvas", "gradescope"), default="plain")
    export.add_argument(
        "--assignment", help="the assignment's column name (canvas; default: the course's name)"
    )
    report = actions.add_parser("report", help="HTML reports: one per learner and one for the class")
    report.add_argument("--html", type=Path, required=True, metavar="DIR")
    report.add_argument(LANG.flag, choices=LANGS, help=LANG.help_text)
    for parser in (show, export, report):
        parser.add_argument("--db", type=Path, required=True, help="the gradebook (SQLite)")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def run(args: argparse.Namespace, lang: str) -> int:
    from grader.batch import export, gradebook

    try:
        if args.batch == "batch":
            return _batch(args, lang)
        with gradebook.read_only(args.db) as book:
            rows = book.current()
            if args.action == "show":
                print(export.table(rows, book.runs()))
            elif args.action == "export":
                runs = book.runs()
                assignment = args.assignment or (runs[-1]["course_name"] if runs else "grader")
                _write(args.csv, export.to_csv(rows, args.shape, assignment))
                print(f"wrote {args.csv} ({len(rows)} learners, {args.shape})")
            else:
                from grader.batch import html

                written = html.write_reports(book, args.html, lang)
                print(f"wrote {len(written)} HTML reports to {args.html}")
        return 0
    except gradebook.GradebookError as e:
        raise ScoreError(str(e)) from None


def _batch(args: argparse.Namespace, lang: str) -> int:
    from grader.batch import gradebook
    from grader.batch.run import Options, run_batch
    from grader.score import resolve_config

    config = resolve_config(args.profile, args.seed, args.max_examples)
    ids = tuple(i.strip() for value in args.exercise or () for i in value.split(",") if i.strip()) or None
    options = Options(
        folder=args.submissions,
        db=args.db,
        config=config,
        course_option=args.course,
        exercises=ids,
        regrade=tuple(args.regrade),
        workers=args.workers,
        scheduler=args.scheduler,
        lang=lang,
        allow_weak_isolation=args.allow_weak_isolation,
    )
    summary = run_batch(options)
    done = ", ".join(f"{n} {status}" for status, n in sorted(summary.statuses.items())) or "nothing new"
    resumed = f" (resumed run {summary.run}: {summary.skipped} already graded)" if summary.resumed else ""
    print(f"batch: {summary.total} learners, {done}{resumed}; gradebook {args.db}")
    if args.html:
        from grader.batch import html

        with gradebook.read_only(args.db) as book:
            html.write_reports(book, args.html, lang)
        print(f"HTML reports in {args.html}")
    return 0


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as e:
        raise ScoreError(f"Expected to write {str(path)!r} but could not: {e}; pick another path") from None


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use `grader batch` or `grader gradebook`")
