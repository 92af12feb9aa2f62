"""The learner's commands: ``grader watch``, ``grader hint``, ``grader progress``, ``grader reset``.

Each takes the exercises folder (default ``exercises``), and ``--lang`` (else $GRADER_LANG, else the
locale). Bad input (no such folder, an unknown exercise) gets a message saying what to do, exit 2.
"""

from __future__ import annotations

import argparse
import difflib
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from grader import course
from grader.catalog import Exercise
from grader.i18n import LANGS
from grader.learner import progress, texts
from grader.learner.state import FOLDER, State, repository_of
from grader.profiles import LOCAL_EXAMPLES
from grader.results import Status
from grader.settings import resolve_lang
from grader.stubs import is_stub_source


class Refused(Exception):
    """A learner-facing reason the command cannot run (exit 2)."""


def register(commands: argparse._SubParsersAction) -> None:
    def tree_and_lang(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("dir", nargs="?", default="exercises", help="your exercises folder")
        parser.add_argument("--lang", choices=LANGS, help="language [env GRADER_LANG, then the locale]")
        course.add_option(parser, "the course of the exercises folder, else the installed pytorch-basics")

    watch = commands.add_parser("watch", help="check the exercise you are working on each time you save it")
    tree_and_lang(watch)
    watch.add_argument(
        "--max-examples", type=int, default=LOCAL_EXAMPLES, metavar="N", help="examples per check"
    )
    watch.add_argument("--seed", type=int, default=0, help="seed for the generated inputs")
    watch.add_argument("--timeout", type=float, default=120.0, metavar="S", help="stop code running longer")
    watch.set_defaults(learner=run_watch)

    hint = commands.add_parser("hint", help="reveal the next hint of an exercise")
    hint.add_argument("exercise", help="the exercise id, e.g. patchify")
    tree_and_lang(hint)
    hint.set_defaults(learner=run_hint)

    table = commands.add_parser("progress", help="your progress by chapter")
    tree_and_lang(table)
    table.add_argument("--check", action="store_true", help="check every started exercise again first")
    table.set_defaults(learner=run_progress)

    reset = commands.add_parser("reset", help="start an exercise again from the empty stub (keeps a backup)")
    reset.add_argument("exercise", help="the exercise id, e.g. patchify")
    tree_and_lang(reset)
    reset.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    reset.set_defaults(learner=run_reset)


def run(args: argparse.Namespace) -> int:
    lang = resolve_lang(args.lang)
    try:
        tree = _tree(args.dir, lang)
        _use_course(args.course, tree)
        return args.learner(args, lang, tree)
    except Refused as e:
        print(str(e), file=sys.stderr)
        return 2


def _use_course(option: str | None, tree: Path) -> None:
    """The course the learner's folder belongs to (``--course`` > $GRADER_COURSE > the folder's own >
    installed), as ``grader score`` finds it."""
    from grader import catalog

    try:
        found = course.find(option, tree)
        found.exercises  # noqa: B018 (a broken catalog is reported now)
    except (course.CourseError, catalog.CatalogError) as e:
        raise Refused(f"grader: error: {e}") from None
    course.use(found)


def run_watch(args: argparse.Namespace, lang: str, tree: Path) -> int:
    from grader.learner.watch import Watch

    return Watch(tree, lang, args.max_examples, args.seed, args.timeout).run()


def run_hint(args: argparse.Namespace, lang: str, tree: Path) -> int:
    exercise = _exercise(args.exercise, lang)
    state = State.load(repository_of(tree))
    shown = state.reveal_hint(exercise.id, len(exercise.hints))
    state.save()
    total = len(exercise.hints)
    for k in range(shown):
        print(texts.render(texts.HINT, lang, shown=k + 1, total=total, text=exercise.hints[k][lang]))
    print(texts.render(texts.REREAD, lang, citation=course.of(exercise).cite(exercise.seed)[lang]))
    done = texts.HINTS_ALL_SHOWN if shown == total else texts.HINTS_MORE
    print(texts.render(done, lang, id=exercise.id, total=total))
    return 0


def run_progress(args: argparse.Namespace, lang: str, tree: Path, out: Callable[[str], None] = print) -> int:
    state = State.load(repository_of(tree))
    rows = progress.rows(tree, state)
    if args.check:
        from grader.learner.worker import DEFAULT_TIMEOUT, Grading

        for row in rows:
            if row.status != Status.NOT_STARTED:
                grading = Grading(row.exercise.id, tree, LOCAL_EXAMPLES, 0, lang, DEFAULT_TIMEOUT)
                state.verdicts[row.exercise.id] = grading.result()
        state.save()
        rows = progress.rows(tree, state)
    out(texts.render(texts.PROGRESS_HEADER, lang))
    for chapter, done, total in progress.by_chapter(rows):
        out(f"  {chapter:<20} {'█' * done}{'░' * (total - done)} {done}/{total}")
        for row in (r for r in rows if r.exercise.chapter == chapter):
            status = texts.render(texts.STATUS.get(row.status, texts.STATUS[Status.FAILED]), lang)
            out(f"      {row.exercise.id:<26} {status}")
    out(texts.render(texts.PROGRESS_TOTAL, lang, done=sum(r.done for r in rows), total=len(rows)))
    if any(r.status in (progress.UNCHECKED, progress.CHANGED) for r in rows):
        changed = texts.STATUS[progress.CHANGED]
        out(texts.render(texts.PROGRESS_STALE, lang, changed=changed))
    return 0


def run_reset(args: argparse.Namespace, lang: str, tree: Path) -> int:
    exercise = _exercise(args.exercise, lang)
    target = tree / exercise.relpath
    stamp = time.strftime("%Y%m%d-%H%M%S")
    backup = repository_of(tree) / FOLDER / "backups" / f"{exercise.id}-{stamp}.py"
    params = {"path": target, "backup": backup}
    stub = pristine_stub(exercise, target)
    if stub is None:
        raise Refused(texts.render(texts.RESET_NO_STUB, lang, path=target))
    if not args.yes and input(texts.render(texts.RESET_ASK, lang, **params)).strip().lower() not in (
        "y",
        "yes",
        "是",
    ):
        print(texts.render(texts.RESET_KEPT, lang))
        return 0
    backup.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        shutil.copy2(target, backup)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(stub, encoding="utf-8")
    state = State.load(repository_of(tree))
    state.verdicts.pop(exercise.id, None)
    state.save()
    print(texts.render(texts.RESET_DONE, lang, **params))
    return 0


def pristine_stub(exercise: Exercise, target: Path) -> str | None:
    """The stub as the course shipped it: the course's own copy (an installed course, or a course folder
    apart from the learner's), else the version git first recorded of the learner's file (a learners'
    repository that is the course's checkout: its exercises/ are the learner's files); None if neither
    is still an untouched stub."""
    shipped = course.of(exercise).exercises_dir / exercise.relpath
    if shipped.is_file() and not _same_file(shipped, target):
        source = shipped.read_text(encoding="utf-8")
        if is_stub_source(exercise, source):
            return source
    source = _first_committed(target)
    return source if source is not None and is_stub_source(exercise, source) else None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and a.samefile(b))
    except OSError:
        return False


def _first_committed(path: Path) -> str | None:
    """The file as git first recorded it (the clone's stub), or None outside git or when never committed."""
    folder = path.resolve().parent
    while not folder.is_dir():
        folder = folder.parent

    def git(*args: str, cwd: Path = folder) -> str | None:
        try:
            done = subprocess.run(
                ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=30, check=False
            )
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout if done.returncode == 0 else None

    top = git("rev-parse", "--show-toplevel")
    if not top:
        return None
    top_folder = Path(top.strip()).resolve()
    relative = path.resolve().relative_to(top_folder).as_posix()
    added = git("log", "--diff-filter=A", "--format=%H", "--", relative, cwd=top_folder)
    if not added or not added.split():
        return None
    return git("show", f"{added.split()[-1]}:{relative}", cwd=top_folder)


def _tree(folder: str, lang: str) -> Path:
    tree = Path(folder)
    if not tree.is_dir():
        raise Refused(texts.render(texts.NO_TREE, lang, path=tree.resolve()))
    return tree


def _exercise(wanted: str, lang: str):
    known = {e.id: e for e in progress.exercises()}
    if wanted in known:
        return known[wanted]
    close = difflib.get_close_matches(wanted, sorted(known), n=3)
    suggestion = texts.render(texts.DID_YOU_MEAN, lang, names=", ".join(close)) if close else ""
    raise Refused(texts.render(texts.UNKNOWN_ID, lang, id=wanted, suggestion=suggestion))
