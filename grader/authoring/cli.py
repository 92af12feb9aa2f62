"""Instructor commands: ``grader new``, ``grader check`` (``--mutants``), ``grader release``.

Each works on a course (grader.course): ``--course PATH|NAME``, else ``$GRADER_COURSE``, else the course
of the current folder. ``grader new`` writes only into a course folder (never an installed one), and
starts a course in the current folder when there is none.

``register(subparsers)`` adds them to the ``grader`` command line; ``python -m grader.authoring.cli``
runs them on their own. Exit status: 0 done and sound; 1 the exercise set is unsound (or a mutation
score is under target); 2 the command could not run (a bad id, an existing exercise, a bad folder), with
a message saying what to do.

    grader new 02_broadcasting/outer_sum
    grader check --exercise outer_sum
    grader check --mutants --exercise outer_sum --jobs 2
    grader release ../course-learners
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Sequence
from pathlib import Path


class AuthoringError(Exception):
    """The command cannot run; the message says what was expected and what to do (exit status 2)."""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``new``, ``check`` and ``release`` to a ``grader`` argparse subparsers object."""
    new = subparsers.add_parser(
        "new", help="scaffold a new exercise (metadata, stub, reference, spec, sample submissions)"
    )
    new.add_argument("target", metavar="CHAPTER/ID", help="e.g. 02_broadcasting/outer_sum")
    new.add_argument(
        "--course",
        metavar="PATH",
        help="the course folder to write into [env GRADER_COURSE; default: the course of this folder, or a"
        " new one here]",
    )
    new.set_defaults(authoring=_new)

    check = subparsers.add_parser("check", help="prove the exercise set sound (and measure the checks)")
    check.add_argument(
        "--exercise",
        action="append",
        metavar="ID",
        help="check only this exercise (repeat, or comma-separate)",
    )
    check.add_argument(
        "--mutants", action="store_true", help="mutation analysis: how many planted bugs the checks catch"
    )
    check.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: the CPU count)")
    check.add_argument(
        "--max-examples", type=int, default=15, metavar="N", help="Hypothesis examples per check (default 15)"
    )
    check.add_argument("--static", action="store_true", help="only the checks that need no running (fast)")
    check.add_argument(
        "--tutorials",
        type=Path,
        metavar="FOLDER",
        help="the folder holding the tutorials' files: verify that every cited section exists"
        " [default: course.toml's seeds]",
    )
    check.add_argument(
        "--sync-stubs",
        action="store_true",
        help="first write each stub's docstring from its catalog entry (the statement lives in the catalog)",
    )
    check.add_argument(
        "--target", type=float, default=95.0, metavar="PERCENT", help="--mutants: the kill rate to reach (95)"
    )
    _course_option(check)
    check.set_defaults(authoring=_check)

    release = subparsers.add_parser(
        "release",
        help="write the learners' repository (stubs, README, advisory CI, no withheld solution) and the"
        " instructor's grading folder",
    )
    release.add_argument("out", type=Path, metavar="OUT-DIR", help="an empty or new folder")
    release.add_argument(
        "--grading",
        type=Path,
        metavar="DIR",
        help="the instructor's grading folder, an empty or new folder apart from OUT-DIR (default:"
        " OUT-DIR-grading): every reference and the workflow whose score counts; keep it private",
    )
    release.add_argument(
        "--grader-spec",
        metavar="SPEC",
        help="what learners pip-install for the grader (default: torch-grader==<this version>);"
        " a path or URL works",
    )
    _course_option(release)
    release.set_defaults(authoring=_release)


def _course_option(parser: argparse.ArgumentParser) -> None:
    from grader import course

    course.add_option(parser, "the course of this folder, else the installed pytorch-basics")


def _course(option: str | None):
    """The course a check or release works on (grader.course.find), with its catalog loaded."""
    from grader import course
    from grader.catalog import CatalogError

    try:
        found = course.find(option)
        found.exercises  # noqa: B018 (a catalog that does not load is reported now)
    except course.CourseError as e:
        raise AuthoringError(str(e)) from None
    except CatalogError as e:
        raise AuthoringError(f"the catalog of course {found.name} does not load: {e}") from None
    return course.use(found)


def _course_for_new(option: str | None) -> tuple[Path, bool]:
    """(the course folder ``grader new`` writes into, whether a course must be started there): --course,
    else $GRADER_COURSE, else the course of this folder or above, else a new course here. Never an
    installed course: its files belong to pip."""
    import os

    from grader import course

    value = option or os.environ.get(course.ENV, "").strip() or None
    try:
        if value is None:
            found = course.nearest(Path.cwd().resolve())
        else:  # a folder, for grader new: the course there, or a new one (the folder made if need be)
            path = Path(value).expanduser().resolve()
            found = course.nearest_pyproject(path) if path.is_dir() else None
            if (path / course.MARKER).is_file():
                found = course.load(path)
            elif found is None:
                return path, True
    except course.CourseError as e:
        raise AuthoringError(str(e)) from None
    if found is None:
        return Path.cwd().resolve(), True
    if found.installed:
        raise AuthoringError(
            f"course {found.name} is an installed package ({found.root}), which grader new must not change;"
            " work in the course's own folder (--course PATH), or start a course in an empty folder"
        )
    return found.root, False


def _ids(values: Sequence[str] | None) -> list[str] | None:
    ids = [i.strip() for value in values or () for i in value.split(",") if i.strip()]
    return ids or None


def _new(args: argparse.Namespace) -> int:
    from grader.authoring.scaffold import ScaffoldError, parse_target, scaffold
    from grader.paths import shown

    try:
        parse_target(args.target)  # a bad target is refused before anything is looked up or written
        root, new_course = _course_for_new(args.course)
        if new_course:
            root.mkdir(parents=True, exist_ok=True)
        written = scaffold(args.target, root, new_course=new_course)
    except ScaffoldError as e:
        raise AuthoringError(str(e)) from None
    if written.new_course:
        print(f"grader new: no course here, so a new one was started in {shown(root)} (course.toml: name it)")
    print(f"grader new: scaffolded {args.target} in {shown(root)}")
    for path in written.paths:
        print(f"  {path.relative_to(root)}")
    print(
        "Next: replace every TODO(grader new) (the catalog texts, the reference, the spec, the stub's"
        " signature and\nthe sample submissions), then run `grader check --sync-stubs --exercise"
        f" {written.exercise_id}` and\n`grader check --mutants --exercise {written.exercise_id}`"
        " (docs/authoring.md)."
    )
    return 0


def _check(args: argparse.Namespace) -> int:
    from grader.authoring import soundness

    ids = _ids(args.exercise)
    course = _course(args.course)
    if args.tutorials is not None:
        course = dataclasses.replace(course, seeds=args.tutorials.resolve())
    _known(ids)
    what = "the whole exercise set" if not ids else ", ".join(ids)
    print(f"grader check: {what} of course {course.describe()}", flush=True)
    if args.sync_stubs:
        for path in soundness.sync_stubs(course, set(ids) if ids else None):
            print(f"  docstring written from the catalog: {path.relative_to(course.root)}", flush=True)
    run = soundness.check(
        course,
        exercise_ids=ids,
        behaviour=not args.static,
        max_examples=args.max_examples,
        jobs=args.jobs,
        on_exercise=lambda e, found: print(soundness.format_exercise(e, found), flush=True),
    )
    print(soundness.format_summary(run), flush=True)
    status = 0 if run.sound else 1
    if args.mutants and run.exercises:
        status = max(status, _mutants(args, run.exercises))
    return status


def _known(ids: list[str] | None) -> None:
    from grader import course
    from grader.catalog import suggest

    known = course.active().by_id()
    for wanted in ids or ():
        if wanted not in known:
            maybe = suggest(wanted, known)
            raise AuthoringError(f"no exercise {wanted!r} in the catalog; {maybe}`grader list` shows the ids")


def _mutants(args: argparse.Namespace, exercises) -> int:
    from grader.authoring import mutants, mutation

    target = args.target / 100
    print(
        f"\nmutation analysis ({args.max_examples} examples per check; target {target:.0%} killed):",
        flush=True,
    )
    reports = mutation.analyse(
        exercises,
        jobs=args.jobs,
        max_examples=args.max_examples,
        on_report=lambda r: print(mutation.format_report(r, target), flush=True),
    )
    weak = [r for r in reports if r.error or r.rate < target]
    killed, total = sum(r.killed for r in reports), sum(r.total for r in reports)
    overall = killed / total if total else 1.0
    kinds = {kind: [0, 0] for kind in mutants.KINDS}
    for report in reports:
        for kind, (k, n) in report.by_kind().items():
            kinds[kind][0] += k
            kinds[kind][1] += n
    by_kind = ", ".join(f"{kind} {k}/{n}" for kind, (k, n) in kinds.items() if n)
    print(f"{killed}/{total} mutants killed ({overall:.1%}) over {len(reports)} exercise(s): {by_kind}")
    if weak:
        print(
            f"{len(weak)} exercise(s) under {target:.0%}: {', '.join(r.exercise.id for r in weak)}."
            " Each survivor"
            " is a bug the checks let through: add an example or a strategy that catches it, or, when the"
            " mutant behaves exactly like the reference, list its id in the entry's equivalent_mutants"
        )
        return 1
    return 0


def _release(args: argparse.Namespace) -> int:
    from grader.authoring.release import ReleaseError, release

    course = _course(args.course)
    try:
        written = release(args.out, course, grader_spec=args.grader_spec, grading=args.grading)
    except ReleaseError as e:
        raise AuthoringError(str(e)) from None
    print(
        f"grader release: course {course.name} {course.version}: wrote {len(written.files)} files"
        f" to {written.root}"
    )
    print(f"  the grader, pinned: {written.grader_spec}")
    if written.course_wheel is not None:
        print(f"  the course, pinned: {written.course_wheel.relative_to(written.root)}")
    else:
        print("  the course comes with the grader (it is the engine's own)")
    print(f"  learners' CI (advisory, public checks): grader score exercises/ --course {course.name}")
    print(
        f"  the instructor's grading folder (keep it private): {written.grading}; its workflow's score"
        " counts (docs/score.md, 'The score that counts')"
    )
    return 0


def run(args: argparse.Namespace) -> int:
    """Run a parsed ``new``/``check``/``release`` command; errors become exit status 2 with a message."""
    try:
        from grader import course

        with course.restored():  # in-process (tests): the process's course stays as it was
            return args.authoring(args)
    except AuthoringError as e:
        print(f"grader {args.command}: error: {e}", file=sys.stderr)
        return 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="grader", description="Author and release PyTorch exercises.")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
