"""``grader``: the command line. Thin: parse, call :mod:`grader.score`, write :mod:`grader.reports`.

Exit status: 0 when grading ran, whatever the score; 1 when ``--fail-under`` was given and missed;
2 when grading itself could not run (a bad directory, an unknown exercise, an unwritable report path),
with a message saying what was expected and what to do, never a traceback.

    grader score exercises/ --json reports/grade.json --markdown "$GITHUB_STEP_SUMMARY"
    grader list --json
    grader list --markdown docs/catalog.md
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from grader import catalog, course, sandbox
from grader.authoring import cli as authoring_cli
from grader.batch import cli as batch_cli
from grader.errors import ScoreError
from grader.i18n import LANGS
from grader.learner import commands as learner_commands
from grader.profiles import PROFILES
from grader.settings import LANG, MAX_EXAMPLES, PROFILE, SEED, resolve_lang
from grader.workers import default_jobs

if TYPE_CHECKING:
    from grader.score import Report

# Imported only once the command is known (they import torch): a sandboxed run starts its fork server
# first, so that the server's imports and this process's run side by side.
REPORTS = ("json", "gradescope", "junit", "markdown")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="grader", description="Grade PyTorch exercises.")
    commands = parser.add_subparsers(
        dest="command",
        required=True,
        metavar="{score,batch,gradebook,list,watch,hint,progress,reset,new,check,release}",
    )

    score = commands.add_parser("score", help="grade a tree of exercises and write reports")
    score.add_argument("dir", nargs="?", default="exercises", help="a folder laid out like exercises/")
    score.add_argument(
        "--exercise",
        action="append",
        metavar="ID",
        help="grade only this exercise (repeat, or comma-separate)",
    )
    for name, what in (
        ("json", "the grader's JSON result (schema: grader/schemas/result.schema.json)"),
        ("gradescope", "Gradescope's results.json"),
        ("junit", "JUnit XML"),
        ("markdown", 'a Markdown summary, e.g. "$GITHUB_STEP_SUMMARY"'),
    ):
        score.add_argument(f"--{name}", type=Path, metavar="PATH", help=f"write {what}")
    # the same names and help texts as the pytest plugin's; grader.settings settles them (and their variables)
    score.add_argument(SEED.flag, type=int, help=SEED.help_text)
    score.add_argument(MAX_EXAMPLES.flag, type=int, metavar="N", help=MAX_EXAMPLES.help_text)
    score.add_argument(PROFILE.flag, choices=sorted(PROFILES), help=PROFILE.help_text)
    score.add_argument(LANG.flag, choices=LANGS, help=LANG.help_text)
    score.add_argument(
        "--in-process",
        action="store_true",
        help="run the learner's code in this process, without the sandbox (trusted code only; faster start)",
    )
    score.add_argument(
        "--allow-weak-isolation",
        action="store_true",
        help="grade even where the sandbox cannot keep learner code away from the grader's files (every"
        " report then says the score is not protected); see docs/score.md, 'Isolation'",
    )
    score.add_argument(
        "--jobs",
        type=_workers,
        metavar="N",
        help="grade N exercises at a time, each in a worker with a sandbox of its own; timed checks still"
        " run alone (default: one per CPU core, at most 4) [env GRADER_JOBS]",
    )
    score.add_argument(
        "--fail-under",
        type=_percent,
        metavar="PERCENT",
        help="exit 1 when the score is under PERCENT of the maximum",
    )
    add_grading_course_option(score)
    batch_cli.register(commands, add_grading_course_option)

    authoring_cli.register(commands)
    learner_commands.register(commands)
    listing = commands.add_parser("list", help="the exercises in course order")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.add_argument("--lang", choices=LANGS, help="language of the titles")
    listing.add_argument(
        "--markdown",
        type=Path,
        metavar="PATH",
        help="write the course's exercise contract (ids, signatures, behaviour, tutorials) as Markdown to"
        " PATH, e.g. docs/catalog.md",
    )
    add_course_option(listing)
    return parser


def add_course_option(parser: argparse.ArgumentParser) -> None:
    """``--course PATH|NAME``, shared by every command that works on a course."""
    course.add_option(
        parser, "the course of the graded folder or of this one, else the installed pytorch-basics"
    )


def add_grading_course_option(parser: argparse.ArgumentParser) -> None:
    """``--course`` of a command that grades untrusted trees: no course is ever taken from them."""
    course.add_option(
        parser,
        "the installed course (the only one beside the engine's own, else pytorch-basics); course files"
        " in the graded folder or the current one are ignored",
    )


def _percent(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a percentage from 0 to 100, got {text!r}") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"expected a percentage from 0 to 100, got {text}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _tolerant_stdout()
    with course.restored():  # run in-process (tests), a command leaves the process's course as it was
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    if hasattr(args, "authoring"):  # new, check, release: the instructor's commands
        return authoring_cli.run(args)
    if hasattr(args, "learner"):  # watch, hint, progress, reset: the learner's loop
        return learner_commands.run(args)
    try:
        # the course first: the sandbox's fork server preloads it. grader score grades untrusted trees: its
        # course is only what the person running it chose (grader.course.for_grading), never the tree's
        if args.command in ("score", "batch"):
            use_course(args.course, for_grading=True)
        elif args.command == "list":
            use_course(args.course)
        if args.command == "score":
            args.jobs = args.jobs or default_jobs()  # a bad $GRADER_JOBS is reported before any work
        if args.command == "score" and not args.in_process:
            sandbox.prepare()  # now, before grader.score imports torch: both imports run side by side
        lang = _lang(getattr(args, "lang", None))
        if hasattr(args, "batch"):  # batch, gradebook: grading a class (grader.batch)
            return batch_cli.run(args, lang)
        if args.command == "list" and args.markdown is not None:
            return write_contract(args.markdown)
        if args.command == "list":
            return list_exercises(args.json, lang)
        return score(args, lang)
    except (ScoreError, catalog.CatalogError, course.CourseError) as e:
        print(f"grader: error: {e}", file=sys.stderr)
        return 2


def use_course(option: str | None, start: Path | None = None, for_grading: bool = False) -> course.Course:
    """Find the course and make it this process's; its catalog must load (CourseError, CatalogError
    otherwise). ``for_grading`` (grader score): --course > $GRADER_COURSE > installed, nothing else;
    otherwise --course > $GRADER_COURSE > the nearest from ``start`` or here > installed."""
    found = course.for_grading(option) if for_grading else course.find(option, start)
    found.exercises  # noqa: B018 (a broken catalog is reported now, before any grading)
    return course.use(found)


def _workers(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of workers (1 or more), got {value!r}")
    return int(value)


def _lang(option: str | None) -> str:
    try:
        return resolve_lang(option)
    except ValueError as e:  # a bad $GRADER_LANG (the option itself is checked by argparse)
        raise ScoreError(str(e)) from None


def writers() -> dict[str, Callable[[Report], str]]:
    from grader.reports import gradescope, json_report, junit, markdown

    renders = {"json": json_report, "gradescope": gradescope, "junit": junit, "markdown": markdown}
    return {name: renders[name].render for name in REPORTS}


def score(args: argparse.Namespace, lang: str) -> int:
    from grader.reports import terminal, write_report
    from grader.score import grade_tree, plan, resolve_config

    config = resolve_config(args.profile, args.seed, args.max_examples)
    outputs = {name: getattr(args, name) for name in REPORTS if getattr(args, name) is not None}
    for path in outputs.values():
        check_writable(path)
    ids = [i.strip() for value in args.exercise or () for i in value.split(",") if i.strip()] or None
    root, _ = plan(Path(args.dir), ids)
    print(terminal.header(config, lang), flush=True)
    report = grade_tree(
        root,
        ids,
        config,
        lang,
        on_exercise=lambda e: print(terminal.exercise_line(e, lang), flush=True),
        sandboxed=not args.in_process,
        allow_weak_isolation=args.allow_weak_isolation,
        jobs=args.jobs,
    )
    print()
    print(terminal.closing(report))
    for name, path in outputs.items():
        try:
            write_report(path, writers()[name](report))
        except OSError as e:
            raise ScoreError(
                f"Expected to write the {name} report to {str(path)!r} but could not: {e}"
            ) from None
    if args.fail_under is not None and report.percent < args.fail_under:
        print(terminal.fail_under_line(report, args.fail_under), file=sys.stderr)
        return 1
    return 0


def check_writable(path: Path) -> None:
    """Fail before grading, not after, when a report cannot be written (creating missing folders)."""
    if path.is_dir():
        raise ScoreError(
            f"Expected a file path for a report but {str(path)!r} is a directory; name a file in it"
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # written for real once grading is done; until then nothing is there, so a run that fails leaves
        # no report behind (not an old one, nor one committed in the learner's repository, taken as new).
        # A link is removed, never followed.
        path.unlink(missing_ok=True)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644))
        path.unlink()
    except OSError as e:
        raise ScoreError(
            f"Expected a writable path for a report but {str(path)!r} is not ({e}); pick another"
        ) from None


def list_exercises(as_json: bool, lang: str) -> int:
    rows = [
        {
            "id": e.id,
            "chapter": e.chapter,
            "path": e.relpath.as_posix(),
            "title": e.title[lang],
            "points": e.points,
        }
        for e in course.active().exercises
    ]
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        print(f"{row['chapter']:<18} {row['id']:<26} {row['points']:>3}  {row['title']}")
    return 0


def write_contract(path: Path) -> int:
    from grader import contract

    try:
        contract.write(course.active(), path)
    except OSError as e:
        raise ScoreError(
            f"Expected a writable path for the contract but {str(path)!r} is not ({e})"
        ) from None
    print(f"the contract of {len(course.active().exercises)} exercises written to {path}")
    return 0


def _tolerant_stdout() -> None:
    """Chinese feedback on a terminal that cannot show it: replace what cannot be encoded, never crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


if __name__ == "__main__":
    sys.exit(main())
