"""``grader check``: prove a course's exercise set sound before a learner sees it.

Every finding names the exercise and the file (relative to the course), and says what to fix. Static
findings (all parts present, sample submissions included, texts in both languages, a seed field that
names a tutorial course.toml lists, and a section of it that exists where the tutorials' files are at
hand, no tutorial cited by its bare number in a text, no orphan files, forbidden lists that parse, no
scaffold TODO left, no check that judges inside the learner's process: grader.authoring.facts) need only
the files. Behaviour
findings run the checks: the reference must pass every one of them (hidden ones included), the stub must
be "not started" and, once started (one statement added before its ``raise``), fail every one of them,
so that no learner scores points for a file they never touched; each right_* sample must get full marks
and each wrong_* sample must fail.

>>> BARE_CITATION.search("see 000 §2.5") is not None
True
"""

from __future__ import annotations

import ast
import os
import re
import tempfile
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from grader import tutorials
from grader.authoring import stubs
from grader.catalog import CatalogError, Exercise, Text
from grader.course import Course
from grader.results import Status
from grader.tutorials import Tutorial

# a learner cannot look up "000 §2.5": texts cite a tutorial by its title (what course.toml lists)
BARE_CITATION = re.compile(r"\b\d{3} §\d+(\.\d+)*")
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
TODO_MARK = "TODO(grader new)"  # what `grader new` writes where the author has work to do
DEFAULT_MAX_EXAMPLES = 15
NOT_EXERCISES = {"__init__.py", "conftest.py"}


@dataclass(frozen=True, order=True)
class Finding:
    """One thing ``grader check`` found. ``level``: "error" makes the set unsound, "note" informs."""

    exercise: str  # an exercise id, or "" for the whole set
    level: str
    text: str  # what is wrong and what to do


def parts(exercise: Exercise, root: Path) -> dict[str, Path]:
    """The files of an exercise in the course at ``root`` (its metadata is the catalog entry itself)."""
    return {
        "stub": root / "exercises" / exercise.relpath,
        "reference": root / "reference" / exercise.relpath,
        "spec": root / "specs" / f"{exercise.id}.py",
    }


def samples(exercise: Exercise, root: Path) -> dict[str, list[Path]]:
    """The sample submissions of an exercise: ``submissions/<id>/wrong_*.py`` and ``right_*.py``."""
    folder = root / "submissions" / exercise.id
    return {kind: sorted(folder.glob(f"{kind}_*.py")) for kind in ("wrong", "right")}


# -- static ------------------------------------------------------------------------------------------


def static_findings(
    course: Course, exercises: Sequence[Exercise], only: set[str] | None = None
) -> list[Finding]:
    """What can be told from the files alone. ``only``: report on these exercise ids (orphans: always)."""
    root = course.root
    findings: list[Finding] = course_findings(course)
    seeds = course.seeds
    if seeds is None:
        text = "seed sections not verified: no tutorials folder (course.toml's seeds, or --tutorials FOLDER)"
        findings.append(Finding("", "note", text))
    elif not seeds.is_dir():
        findings.append(Finding("", "note", f"seed sections not verified: no tutorials at {seeds}"))
    listed = {t.number: t for t in course.tutorials}
    with_samples = (root / "submissions").is_dir()
    if not with_samples:
        text = "samples not checked: the course has no submissions/ folder (installed courses ship none)"
        findings.append(Finding("", "note", text))
    for exercise in exercises:
        if only is None or exercise.id in only:
            folder = seeds if seeds is not None and seeds.is_dir() else None
            findings += exercise_static(exercise, root, listed, folder, with_samples)
    if only is None:
        findings += orphans(root, exercises)
    return findings


def exercise_static(
    exercise: Exercise,
    root: Path,
    listed: Mapping[str, Tutorial],
    folder: Path | None,
    with_samples: bool = True,
) -> list[Finding]:
    """``listed``: the course's tutorials by number; ``folder``: their files, when at hand."""
    found: list[Finding] = []

    def error(text: str) -> None:
        found.append(Finding(exercise.id, "error", text))

    toml = f"catalog/{exercise.chapter}.toml"
    if not re.fullmatch(r"\d\d_[a-z][a-z0-9_]*", exercise.chapter):
        error(
            f"{toml}: chapter {exercise.chapter!r} must look like '02_broadcasting' (two digits, snake_case)"
        )
    if not exercise.id.isidentifier() or exercise.id != exercise.id.lower():
        error(f"{toml}: id {exercise.id!r} must be a lower-case Python identifier (it is the file name)")
    for part, path in parts(exercise, root).items():
        if not path.is_file():
            error(f"missing {part} {path.relative_to(root)}: create it (docs/authoring.md shows each part)")
    texts: list[tuple[str, Text]] = [("title", exercise.title), ("statement", exercise.statement)]
    texts += [(f"hints[{i}]", h) for i, h in enumerate(exercise.hints)]
    texts += [("not_allowed", exercise.not_allowed)] if exercise.not_allowed is not None else []
    for name, text in texts:
        if not text.en:
            error(f"{toml}: {name}.en of {exercise.id} is empty; write it in English")
        if not text.zh:
            error(f"{toml}: {name}.zh of {exercise.id} is empty; write it in Chinese")
        elif not CJK.search(text.zh):
            error(
                f"{toml}: {name}.zh of {exercise.id} has no Chinese characters ({text.zh[:40]!r});"
                " translate it"
            )
        if TODO_MARK in text.en or TODO_MARK in text.zh:
            error(f"{toml}: {name} of {exercise.id} still holds the scaffold's {TODO_MARK}; write the text")
        for lang in ("en", "zh"):
            bare = BARE_CITATION.search(text[lang])
            if bare:
                example = exercise_citation(exercise, listed, lang)
                error(
                    f"{toml}: {name}.{lang} of {exercise.id} cites {bare.group()!r}: a learner cannot look"
                    f" that up; cite the tutorial by its title, e.g. {example}"
                )
    found += _seed_findings(exercise, toml, listed, folder)
    from grader.gate.patterns import check_patterns

    for problem in check_patterns(exercise.forbidden):
        error(f"{toml}: {exercise.id}: {problem}")
    stub = parts(exercise, root)["stub"]
    if stub.is_file() and not stubs.agrees(stub.read_text(encoding="utf-8"), exercise):
        error(
            f"{stub.relative_to(root)}: its docstring is not the one {toml} gives (the statement lives in the"
            " catalog); run `grader check --sync-stubs` to write it from the catalog"
        )
    for part, path in parts(exercise, root).items():
        # a stub's docstring comes from the catalog, whose own TODOs are reported above
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        if TODO_MARK in (stubs.body(text) if part == "stub" else text):
            error(f"{path.relative_to(root)} still holds the scaffold's {TODO_MARK}: finish the {part}")
    found += _fact_findings(exercise, parts(exercise, root)["spec"], root)
    if with_samples:
        found += _sample_findings(exercise, root)
    return found


def _fact_findings(exercise: Exercise, spec: Path, root: Path) -> list[Finding]:
    """Verdicts made in the learner's process, and judges that read what learner code receives
    (grader.authoring.facts)."""
    from grader.authoring.facts import findings_in

    try:
        found = findings_in(spec.read_text(encoding="utf-8")) if spec.is_file() else []
    except SyntaxError as e:
        return [Finding(exercise.id, "error", f"{spec.relative_to(root)} does not parse: {e}")]
    where = spec.relative_to(root)
    fix = (
        ": a check's run executes in the learner's process, where the submission can rewrite it; return raw"
        ' values there and compare them in the judge (docs/authoring.md, "Facts")'
    )
    return [
        Finding(exercise.id, "note", f"{where}: {text.removeprefix('note: ')}")
        if text.startswith("note: ")
        else Finding(exercise.id, "error", f"{where}: {text}{fix}")
        for text in found
    ]


def course_findings(course: Course) -> list[Finding]:
    """What is wrong with ``course.toml`` itself (its title still the scaffold's, say)."""
    found = []
    for lang in ("en", "zh"):
        text = course.title[lang]
        if TODO_MARK in text or not text:
            found.append(
                Finding("", "error", f"course.toml: title.{lang} is {text!r}; write the course's title")
            )
    if not CJK.search(course.title.zh):
        found.append(Finding("", "error", "course.toml: title.zh has no Chinese characters; translate it"))
    for t in course.tutorials:
        fields = (t.title.en, t.title.zh, t.author, t.date, t.where.en, t.where.zh)
        if any(TODO_MARK in field for field in fields):
            text = (
                f"course.toml: tutorial {t.number} still holds the scaffold's {TODO_MARK}; write its title,"
            )
            found.append(Finding("", "error", text + " author, date and where learners find it"))
    return found


def sync_stubs(course: Course, exercise_ids: set[str] | None = None) -> list[Path]:
    """Rewrite the docstring of every stub that disagrees with its catalog entry; the paths rewritten."""
    written = []
    for exercise in course.exercises:
        stub = parts(exercise, course.root)["stub"]
        if (exercise_ids is None or exercise.id in exercise_ids) and stub.is_file():
            source = stub.read_text(encoding="utf-8")
            if not stubs.agrees(source, exercise):
                stub.write_text(stubs.with_docstring(source, exercise), encoding="utf-8")
                written.append(stub)
    return written


def _sample_findings(exercise: Exercise, root: Path) -> list[Finding]:
    folder = Path("submissions") / exercise.id
    found = []
    for kind, paths in samples(exercise, root).items():
        if not paths:
            what = "full marks" if kind == "right" else "failing with feedback"
            text = (
                f"no {kind} sample: add {folder}/{kind}_<what_it_does>.py, a learner's file {what}"
                " (`grader check` grades it)"
            )
            found.append(Finding(exercise.id, "error", text))
        for path in paths:
            if TODO_MARK in path.read_text(encoding="utf-8"):
                relative = path.relative_to(root)
                text = f"{relative} still holds the scaffold's {TODO_MARK}: write the {kind} sample"
                found.append(Finding(exercise.id, "error", text))
    return found


def exercise_citation(exercise: Exercise, listed: Mapping[str, Tutorial], lang: str) -> str:
    return tutorials.cite(exercise.seed, listed)[lang] if tutorials.SEED.fullmatch(exercise.seed) else "..."


def _seed_findings(
    exercise: Exercise, toml: str, listed: Mapping[str, Tutorial], folder: Path | None
) -> list[Finding]:
    """The seed field names a tutorial that course.toml lists and, where the files are at hand, sections
    that tutorial has."""
    match = tutorials.SEED.fullmatch(exercise.seed)
    if not match:
        text = (
            f"{toml}: seed of {exercise.id} is {exercise.seed!r}; expected a tutorial and a section such"
            " as '000 §2.4' (several sections: '000 §5.1, §6')"
        )
        return [Finding(exercise.id, "error", text)]
    number = match["number"]
    if number not in listed:
        known = ", ".join(sorted(listed)) or "none"
        text = (
            f"{toml}: seed of {exercise.id} cites tutorial {number}, which course.toml does not list"
            f" (it lists: {known}); add a [[tutorial]] table for it (docs/authoring.md, 'A course')"
        )
        return [Finding(exercise.id, "error", text)]
    if folder is None:
        return []
    path = tutorials.file_of(number, folder)
    if path is None:
        return [
            Finding(exercise.id, "error", f"{toml}: seed of {exercise.id}: no tutorial {number}* in {folder}")
        ]
    missing = tutorials.missing_sections(exercise.seed, path.read_text(encoding="utf-8", errors="replace"))
    if missing:
        sections = ", ".join(f"§{s}" for s in missing)
        text = (
            f"{toml}: seed of {exercise.id} cites {sections} of tutorial {number}, which {path.name} has no"
            " heading for; correct the section number"
        )
        return [Finding(exercise.id, "error", text)]
    return []


def orphans(root: Path, exercises: Sequence[Exercise]) -> list[Finding]:
    """Exercise, reference and spec files that no catalog entry claims (or in the wrong chapter)."""
    where = {e.id: e.chapter for e in exercises}
    found = []
    for tree in ("exercises", "reference"):
        for path in sorted((root / tree).glob("*/*.py")):
            if path.name in NOT_EXERCISES or path.name.startswith("_"):
                continue
            chapter = where.get(path.stem)
            relative = path.relative_to(root)
            if chapter is None:
                text = f"orphan file {relative}: no catalog entry has id {path.stem!r}; add one or delete it"
                found.append(Finding("", "error", text))
            elif chapter != path.parent.name:
                text = f"{relative}: the catalog puts {path.stem} in chapter {chapter}; move the file there"
                found.append(Finding(path.stem, "error", text))
    for path in sorted((root / "specs").glob("*.py")):
        if path.name not in NOT_EXERCISES and not path.name.startswith("_") and path.stem not in where:
            relative = path.relative_to(root)
            text = f"orphan spec {relative}: no catalog entry has id {path.stem!r}; add one or delete it"
            found.append(Finding("", "error", text))
    for folder in sorted(p for p in (root / "submissions").glob("*") if p.is_dir()):
        if folder.name not in where and not folder.name.startswith(("_", ".")):
            relative = f"submissions/{folder.name}/"
            text = f"orphan samples {relative}: no catalog entry has id {folder.name!r}; add one or delete it"
            found.append(Finding("", "error", text))
    return found


# -- behaviour -------------------------------------------------------------------------------------


def start_stub(source: str, entries: Sequence[str]) -> str:
    """The stub as a learner who has just begun leaves it: one statement before each ``raise``."""
    tree = ast.parse(source)
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name in entries:
            _start(node)
        elif isinstance(node, ast.ClassDef) and node.name in entries:
            for method in node.body:
                if isinstance(method, ast.FunctionDef | ast.AsyncFunctionDef):
                    _start(method)
    return ast.unparse(ast.fix_missing_locations(tree))


def _start(function: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
    for i, statement in enumerate(function.body):
        if isinstance(statement, ast.Raise):
            function.body.insert(i, ast.Assign([ast.Name("started", ast.Store())], ast.Constant(True)))
            return


def behaviour_findings(
    exercise: Exercise, root: Path, max_examples: int = DEFAULT_MAX_EXAMPLES
) -> list[Finding]:
    """Run the checks on the reference, on the (started) stub and on the samples of the course at ``root``
    (the exercise's own). Imports the engine (and torch)."""
    from grader.gate import static
    from grader.loader import reference_root
    from grader.runner import FORBIDDEN_CHECK, GraderError, Settings, load_checks, run_exercise
    from grader.stubs import is_not_started

    found: list[Finding] = []
    stub, reference, spec = parts(exercise, root).values()

    def error(text: str) -> None:
        found.append(Finding(exercise.id, "error", text))

    try:
        load_checks(exercise)
    except Exception as e:  # the spec does not import, or its CHECKS are malformed
        error(f"{spec.relative_to(root)} does not load ({type(e).__name__}: {e}); fix the spec")
        return found
    settings = Settings(max_examples=max_examples, include_hidden=True)
    if reference.is_file():
        try:
            result = run_exercise(exercise, reference_root(exercise), settings)
        except GraderError as e:
            error(f"{reference.relative_to(root)}: {e}; fix the reference or the spec")
        except Exception as e:
            error(f"the checks crash on the reference ({type(e).__name__}: {e}); fix the spec")
        else:
            if result.problem is not None:
                error(f"{reference.relative_to(root)}: {result.problem.render('en')}; fix the reference")
            for check in result.checks:
                if not check.status.ok:
                    why = check.failure.problem.render("en") if check.failure else check.status
                    error(
                        f"the reference fails its own check {check.check!r}: {why}"
                        f"{_case(check)}; fix the reference or the spec"
                    )
            uses = static.analyze_source(reference.read_text(encoding="utf-8"), exercise.forbidden).failing
            if uses:
                calls = ", ".join(f"line {u.line} `{u.code}`" for u in uses)
                gate = next((c for c in result.checks if c.check == FORBIDDEN_CHECK), None)
                if gate is not None and not gate.passed:
                    error(
                        f"the forbidden-API gate rejects the reference ({calls}): references must be exempt"
                    )
                else:
                    found.append(
                        Finding(exercise.id, "note", f"the reference uses forbidden APIs (exempt): {calls}")
                    )
    if stub.is_file():
        if not is_not_started(exercise, root / "exercises"):
            error(
                f"{stub.relative_to(root)} is not a 'not started' stub: each of {', '.join(exercise.entry)}"
                " must hold only a docstring and `raise NotImplementedError(...)`"
            )
        else:
            found += _started_stub_findings(exercise, stub, root, settings)
    found += _graded_sample_findings(exercise, root, settings)
    return found


def _graded_sample_findings(exercise: Exercise, root: Path, settings) -> list[Finding]:
    """Each right_* sample gets full marks, each wrong_* one fails (and says why): the samples show the
    checks tell a right answer from the mistakes learners make."""
    from grader.runner import run_exercise

    found = []
    for kind, paths in samples(exercise, root).items():
        for path in paths:
            if TODO_MARK in path.read_text(encoding="utf-8"):
                continue  # reported by the static checks
            with tempfile.TemporaryDirectory(prefix=f"sample_{exercise.id}_") as tmp:
                target = Path(tmp) / exercise.relpath
                target.parent.mkdir(parents=True)
                target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
                try:
                    result = run_exercise(exercise, Path(tmp), settings)
                except Exception:  # a broken spec or reference: already reported from the reference's run
                    return found
            relative = path.relative_to(root)
            full = result.status == Status.SKIPPED or (
                result.status == Status.PASSED and result.score == exercise.points
            )
            if kind == "right" and not full:
                failed = [c.check for c in result.checks if c.status not in ("passed", "skipped")]
                why = f"fails {', '.join(failed)}" if failed else f"is {result.status}"
                text = f"{relative}: a right sample {why}; fix the sample or the checks"
                found.append(Finding(exercise.id, "error", text))
            if kind == "wrong" and result.status == "passed":  # skipped: cannot be told here
                text = f"{relative}: a wrong sample passes every check; add a check that catches its mistake"
                found.append(Finding(exercise.id, "error", text))
    return found


def _started_stub_findings(exercise: Exercise, stub: Path, root: Path, settings) -> list[Finding]:
    from grader.runner import FORBIDDEN_CHECK, run_exercise

    started = start_stub(stub.read_text(encoding="utf-8"), exercise.entry)
    with tempfile.TemporaryDirectory(prefix=f"started_{exercise.id}_") as tmp:
        path = Path(tmp) / exercise.relpath
        path.parent.mkdir(parents=True)
        path.write_text(started, encoding="utf-8")
        try:
            result = run_exercise(exercise, Path(tmp), settings)
        except Exception:  # a broken spec or reference: already reported from the reference's run
            return []
    if result.problem is not None:  # it does not even load: fails everything, which is sound
        return []
    passing = [c.check for c in result.checks if c.passed and c.check != FORBIDDEN_CHECK]
    if not passing:
        return []
    text = (
        f"{stub.relative_to(root)}: a just-started stub passes {', '.join(passing)}; a learner would score"
        " without solving anything: make those checks compare against the reference (or raise)"
    )
    return [Finding(exercise.id, "error", text)]


def _case(check) -> str:
    failure = check.failure
    return f" on input {' '.join(failure.case_source.split())}" if failure and failure.case_source else ""


def _behaviour_job(args: tuple[Exercise, str, int]) -> list[Finding]:
    exercise, root, max_examples = args
    try:
        return behaviour_findings(exercise, Path(root), max_examples)
    except Exception as e:  # never lose the other exercises' findings to one broken spec
        return [Finding(exercise.id, "error", f"checking it crashed ({type(e).__name__}: {e}); fix its spec")]


# -- all together -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckRun:
    exercises: tuple[Exercise, ...]
    findings: tuple[Finding, ...]

    @property
    def sound(self) -> bool:
        return not any(f.level == "error" for f in self.findings)


def check(
    course: Course | None = None,
    exercise_ids: Sequence[str] | None = None,
    behaviour: bool = True,
    max_examples: int = DEFAULT_MAX_EXAMPLES,
    jobs: int | None = None,
    on_exercise: Callable[[Exercise, list[Finding]], None] | None = None,
) -> CheckRun:
    """Check the exercise set of ``course`` (default: the one this process works on), or just some of it."""
    from grader import course as courses

    course = course or courses.active()
    root = course.root
    try:
        exercises = course.exercises
    except CatalogError as e:
        return CheckRun((), (Finding("", "error", f"the catalog does not load: {e}"),))
    known = {e.id for e in exercises}
    unknown = [i for i in exercise_ids or () if i not in known]
    if unknown:
        text = f"no exercise {', '.join(map(repr, unknown))} in the catalog; `grader list` shows the ids"
        return CheckRun(exercises, (Finding("", "error", text),))
    only = set(exercise_ids) if exercise_ids else None
    selected = tuple(e for e in exercises if only is None or e.id in only)
    findings = static_findings(course, exercises, only)
    per_exercise: dict[str, list[Finding]] = {e.id: [] for e in selected}
    if behaviour and selected:
        tasks = [(e, str(root), max_examples) for e in selected]
        workers = max(1, min(jobs or os.cpu_count() or 1, len(tasks)))
        if workers == 1:
            results = map(_behaviour_job, tasks)
            for exercise, found in zip(selected, results, strict=True):
                per_exercise[exercise.id] = found
                _report(on_exercise, exercise, findings, found)
        else:
            context = get_context("spawn")
            with ProcessPoolExecutor(workers, mp_context=context, initializer=_quiet_worker) as pool:
                for exercise, found in zip(selected, pool.map(_behaviour_job, tasks), strict=True):
                    per_exercise[exercise.id] = found
                    _report(on_exercise, exercise, findings, found)
    elif on_exercise:
        for exercise in selected:
            _report(on_exercise, exercise, findings, [])
    every = findings + [f for found in per_exercise.values() for f in found]
    return CheckRun(selected, tuple(every))


def _report(on_exercise, exercise: Exercise, static: list[Finding], found: list[Finding]) -> None:
    if on_exercise:
        on_exercise(exercise, [f for f in static if f.exercise == exercise.id] + found)


def _quiet_worker() -> None:
    import sys

    import torch

    sys.dont_write_bytecode = True
    torch.set_num_threads(1)


def format_exercise(exercise: Exercise, findings: Sequence[Finding]) -> str:
    errors = [f for f in findings if f.level == "error"]
    out = [f"  {'FAIL' if errors else 'ok  '} {exercise.chapter}/{exercise.id}"]
    out += [f"         - {f.text}" for f in errors]
    out += [f"         note: {f.text}" for f in findings if f.level == "note"]
    return "\n".join(out)


def format_summary(run: CheckRun) -> str:
    general = [f for f in run.findings if not f.exercise]
    out = [f"  {'FAIL' if f.level == 'error' else 'note'} {f.text}" for f in general]
    bad = {f.exercise for f in run.findings if f.level == "error" and f.exercise}
    errors = sum(f.level == "error" for f in run.findings)
    verdict = "sound" if run.sound else f"NOT sound: {errors} problem(s) to fix"
    out.append(f"{len(run.exercises) - len(bad)}/{len(run.exercises)} exercises sound; the set is {verdict}")
    return "\n".join(out)
