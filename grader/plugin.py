"""pytest plugin: ``pytest exercises/`` collects every exercise file's checks as test items.

Hooks stay thin: collection and results live in pure functions of :mod:`grader.runner`,
:mod:`grader.results` (statuses, points, the progress line) and :mod:`grader.feedback`; settings are settled
by :mod:`grader.settings` (command line > environment > ini > default), once, in ``pytest_configure``.
Any folder laid out like ``exercises/`` (``reference/`` is one) can be graded: an exercise file is
recognised by its place, ``<chapter>/<id>.py`` with both names in the catalog of the course being graded
(``--course``, ``$GRADER_COURSE``, else found from the graded folder: grader.course).
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from grader import catalog, course, settings
from grader.i18n import Msg, say
from grader.learner.texts import WELCOME, activate_first
from grader.results import CheckResult, ExerciseResult, Progress, Status

# settled by grader.course.find (--course > $GRADER_COURSE > the graded folder's > installed)
COURSE = ("--course", "GRADER_COURSE", "the course: its folder or an installed course's name")
GRADER_STATUS = "grader_status"
NOT_STARTED_LINE = say("not started: {id} ({path})", "尚未开始: {id} ({path})")


@dataclass
class Run:
    """This pytest run's settings, and what each exercise file's items found (for the closing summary)."""

    lang: str
    config: settings.RunConfig
    # per exercise file: each check's result by item name, or the one ExerciseResult of an ungraded file
    files: dict[Path, dict[str, CheckResult | ExerciseResult]] = field(
        default_factory=lambda: defaultdict(dict)
    )


results_key = pytest.StashKey[Run]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("grader", "PyTorch exercise grader")
    for option in settings.PYTEST_OPTIONS:  # one help text, shared with `grader score --help`
        group.addoption(option.pytest_flag, dest=f"grader_{option.name}", default=None, help=option.help_text)
        parser.addini(option.ini, help=option.help_text)
    flag, env, help_text = COURSE
    group.addoption(flag, dest="grader_course", default=None, help=f"{help_text} [env {env}]")


def start_run(config: pytest.Config) -> Run:
    """The run's language and settings: command line > environment > ini > default (grader.settings);
    ``pytest exercises/`` grades at the local profile."""
    given = {option.name: config.getoption(f"grader_{option.name}") for option in settings.PYTEST_OPTIONS}
    ini = {option.name: config.getini(option.ini) for option in settings.PYTEST_OPTIONS}
    try:
        lang = settings.resolve_lang(given["lang"], ini=ini["lang"], command=settings.PYTEST)
        run = settings.resolve_config(
            "local", given["seed"], given["max_examples"], ini=ini, command=settings.PYTEST
        )
    except settings.SettingError as e:
        raise pytest.UsageError(str(e)) from None
    return Run(lang, run)


def pytest_configure(config: pytest.Config) -> None:
    gc.disable()  # collection imports torch, the course's specs and references: see pytest_collection_finish
    config.stash[results_key] = start_run(config)
    graded = _course(config)
    for exercise in graded.exercises:
        config.addinivalue_line("markers", f"{exercise.id}: checks of exercise {exercise.id}")
        config.addinivalue_line("markers", f"{exercise.chapter}: exercises of chapter {exercise.chapter}")


def _course(config: pytest.Config):
    """The course being graded, found from the first folder on the command line (grader.course.find);
    it becomes this process's course. A missing or broken course stops pytest with the reason."""
    from grader import course

    paths = [a.split("::", 1)[0] for a in config.args if not a.startswith("-")]
    start = Path(config.invocation_params.dir) / paths[0] if paths else Path(config.invocation_params.dir)
    try:
        found = course.find(config.getoption("grader_course"), start if start.exists() else None)
        found.exercises  # noqa: B018 (a catalog that does not load is reported now, not per file)
    except (course.CourseError, catalog.CatalogError) as e:
        raise pytest.UsageError(f"grader: {e}") from None
    return course.use(found)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    exercise = course.active().by_id().get(file_path.stem)
    if file_path.suffix == ".py" and exercise and file_path.parent.name == exercise.chapter:
        return ExerciseFile.from_parent(parent, path=file_path, exercise=exercise)
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Course order (the catalog's), whatever the file system's order."""
    order = {exercise_id: i for i, exercise_id in enumerate(course.active().by_id())}

    def key(item: pytest.Item) -> tuple[int, int]:
        if isinstance(item, GraderItem):
            return (order[item.exercise.id], item.order)
        return (-1, 0)

    items.sort(key=key)


class ExerciseFile(pytest.File):
    def __init__(self, *, exercise: catalog.Exercise, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.exercise = exercise
        self.learner = None
        self.evidence = None  # the runtime evidence of this file's checks, for its forbidden-API gate

    @property
    def tree(self) -> Path:
        return self.path.parent.parent

    def collect(self):
        from grader.loader import NOT_STARTED, LoadError, load
        from grader.runner import FORBIDDEN_CHECK, check_names, new_evidence_log
        from grader.stubs import is_not_started

        if is_not_started(self.exercise, self.tree):
            problem = NOT_STARTED(path=str(self.exercise.relpath))
            yield ProblemItem.from_parent(
                self, name="not_started", status=Status.NOT_STARTED, problem=problem, order=0
            )
            return
        try:
            self.learner = load(self.exercise, self.tree)
        except LoadError as e:
            yield ProblemItem.from_parent(self, name="loads", status=Status.ERROR, problem=e.problem, order=0)
            return
        self.evidence = new_evidence_log(self.learner)
        names = check_names(self.exercise)
        for order, name in enumerate(names):
            # the gate runs after the behaviour checks, whose calls are the runtime evidence it weighs
            yield CheckItem.from_parent(
                self, name=name, order=len(names) if name == FORBIDDEN_CHECK else order
            )


class GraderItem(pytest.Item):
    def __init__(self, *, order: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.order = order
        self.exercise: catalog.Exercise = self.parent.exercise
        self.add_marker(self.exercise.id)
        self.add_marker(self.exercise.chapter)

    @property
    def lang(self) -> str:
        return self.config.stash[results_key].lang

    def record(self, result: CheckResult | ExerciseResult) -> None:
        """Keep a check's result (or an ungraded exercise's) for the closing summary."""
        self.config.stash[results_key].files[self.path][self.name] = result

    def reportinfo(self):
        return self.path, None, f"{self.exercise.id}::{self.name}"


class CheckFailed(Exception):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class CheckItem(GraderItem):
    def runtest(self) -> None:
        from grader.feedback import check_feedback
        from grader.runner import FORBIDDEN_CHECK, forbidden_check, load_checks, load_reference, run_check

        learner, evidence = self.parent.learner, self.parent.evidence
        run = self.config.stash[results_key].config.settings
        try:
            reference = load_reference(self.exercise)
            if self.name == FORBIDDEN_CHECK:
                result = forbidden_check(learner, reference, run, evidence)
            else:
                check = next(c for c in load_checks(self.exercise) if c.name == self.name)
                result = run_check(check, learner, reference, run, evidence)
        except Exception:
            self.record(CheckResult(self.exercise.id, self.name, Status.ERROR, 0, 1))
            raise
        self.record(result)
        self.user_properties.append((GRADER_STATUS, result.status.value))  # plain data: xdist sends it
        if result.status == Status.SKIPPED:
            pytest.skip(result.failure.problem.render(self.lang) if result.failure else "skipped")
        if not result.passed:
            raise CheckFailed(check_feedback(self.exercise, result, self.lang))

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, CheckFailed):
            return excinfo.value.text
        return f"grader error (not your fault; please report it): {excinfo.exconly()}\n" + str(
            super().repr_failure(excinfo, style="short")
        )


class ProblemItem(GraderItem):
    """Stands for a whole exercise that cannot be checked yet: not started, or does not load."""

    def __init__(self, *, status: Status, problem: Msg, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.result = ExerciseResult.ungraded(self.exercise, status, problem)
        self.user_properties.append((GRADER_STATUS, self.result.status.value))

    def runtest(self) -> None:
        from grader.feedback import exercise_problem

        self.record(self.result)
        raise CheckFailed(exercise_problem(self.result, self.lang))

    def repr_failure(self, excinfo, style=None):
        return excinfo.value.text if isinstance(excinfo.value, CheckFailed) else str(excinfo.value)


def pytest_report_teststatus(report: pytest.TestReport, config: pytest.Config):
    if report.when == "call" and dict(report.user_properties).get(GRADER_STATUS) == Status.NOT_STARTED:
        return "unstarted", "N", "NOT STARTED"
    return None


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:
    run = config.stash.get(results_key, None)
    if not run or not run.files:
        return
    first_file = shown_path(next(iter(run.files)), Path(config.invocation_params.dir))
    *lines, progress = summary(exercise_results(run), run.lang, first_file)
    terminalreporter.section("grader")
    for line in lines:
        terminalreporter.write_line(line)
    terminalreporter.write_line(progress, bold=True)


def exercise_results(run: Run) -> list[ExerciseResult]:
    """Each exercise file's result, from what its items recorded (grader.results adds the checks up)."""
    results = []
    for path, recorded in run.files.items():
        found = list(recorded.values())
        if len(found) == 1 and isinstance(found[0], ExerciseResult):  # not started, or does not load
            results.append(found[0])
        else:
            results.append(ExerciseResult.graded(course.active().get(Path(path).stem), found))
    return results


def shown_path(path: Path, cwd: Path) -> str:
    """A file as the learner would type it: relative to where pytest was run, when it is under it."""
    try:
        return Path(path).resolve().relative_to(cwd.resolve()).as_posix()
    except ValueError:
        return str(path)


def summary(results: Sequence[ExerciseResult], lang: str, first_file: str | None = None) -> list[str]:
    """The grader's closing section: the exercises not started yet (or, on a fresh clone, a greeting that
    explains the loop and points at the first exercise, ``first_file``), then the progress line (last)."""
    if nothing_started(results):
        first = results[0].exercise
        welcome = WELCOME(path=first_file or f"exercises/{first.relpath.as_posix()}", id=first.id)
        lines = welcome.render(lang).splitlines()
        setup = activate_first()
        if setup is not None:  # the commands the welcome names must work as printed
            lines.insert(1, setup.render(lang))
        return [*lines, Progress.of(results).line.render(lang)]
    return [*not_started_lines(results, lang), Progress.of(results).line.render(lang)]


def nothing_started(results: Sequence[ExerciseResult]) -> bool:
    """A fresh clone: every exercise graded is still its stub."""
    return bool(results) and all(r.status == Status.NOT_STARTED for r in results)


def not_started_lines(results: Sequence[ExerciseResult], lang: str) -> list[str]:
    """One line per exercise not started yet."""
    not_started = [r for r in results if r.status == Status.NOT_STARTED]
    return [NOT_STARTED_LINE(id=r.exercise.id, path=r.exercise.relpath).render(lang) for r in not_started]


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Nothing started is a beginning, not a failure: exit 0 (``tox -e grade`` on a fresh clone then
    greets the learner instead of ending in "evaluation failed")."""
    run = session.config.stash.get(results_key, None)
    failed = exitstatus == pytest.ExitCode.TESTS_FAILED
    if failed and run and run.files and nothing_started(exercise_results(run)):
        session.exitstatus = pytest.ExitCode.OK


def pytest_collection_finish(session: pytest.Session) -> None:
    """What collection loaded lives as long as the run: frozen, the garbage collector's passes skip it.
    Each full pass otherwise walked every object torch and Hypothesis made, about a fifth of a short run."""
    gc.freeze()
    gc.enable()


@pytest.hookimpl(tryfirst=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """pytest collects garbage, harder, before it exits; nothing the run made is needed any more. The
    collector is on again in any case: a collection that stopped early never reached the hook above."""
    gc.freeze()
    gc.enable()
