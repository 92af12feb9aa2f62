"""pytest plugin: ``pytest exercises/`` collects every exercise file's checks as test items.

Hooks stay thin: collection and results live in pure functions of :mod:`grader.runner` and
:mod:`grader.feedback`. Any folder laid out like ``exercises/`` (``reference/`` is one) can be graded:
an exercise file is recognised by its place, ``<chapter>/<id>.py`` with both names in the catalog of the
course being graded (``--course``, ``$GRADER_COURSE``, else found from the graded folder: grader.course).
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from grader import catalog
from grader.i18n import msg, resolve_lang

OPTIONS = {
    "lang": ("--lang", "GRADER_LANG", "feedback language: en or zh (default: GRADER_LANG, then the locale)"),
    "max_examples": ("--grader-max-examples", "GRADER_MAX_EXAMPLES", "Hypothesis examples per check"),
    "seed": ("--grader-seed", "GRADER_SEED", "seed for the generated inputs (same seed, same verdicts)"),
    "course": ("--course", "GRADER_COURSE", "the course: its folder or an installed course's name"),
}
GRADER_STATUS = "grader_status"
results_key = pytest.StashKey[dict[str, dict[str, Any]]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("grader", "PyTorch exercise grader")
    for dest, (flag, env, help_text) in OPTIONS.items():
        group.addoption(flag, dest=f"grader_{dest}", default=None, help=f"{help_text} [env {env}]")


def option(config: pytest.Config, dest: str) -> str | None:
    """CLI > environment > default (None)."""
    _, env, _ = OPTIONS[dest]
    value = config.getoption(f"grader_{dest}")
    return value if value is not None else os.environ.get(env)


def _settings(config: pytest.Config):
    from grader.runner import Settings

    defaults = Settings()
    try:
        max_examples = int(option(config, "max_examples") or defaults.max_examples)
        seed = int(option(config, "seed") or defaults.seed)
    except ValueError as e:
        raise pytest.UsageError(f"--grader-max-examples and --grader-seed take whole numbers: {e}") from None
    return Settings(max_examples=max_examples, seed=seed)


def pytest_configure(config: pytest.Config) -> None:
    try:
        config.stash[results_key] = {"lang": resolve_lang(option(config, "lang")), "files": defaultdict(dict)}
    except ValueError as e:
        raise pytest.UsageError(str(e)) from None
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
    exercise = catalog.by_id().get(file_path.stem)
    if file_path.suffix == ".py" and exercise and file_path.parent.name == exercise.chapter:
        return ExerciseFile.from_parent(parent, path=file_path, exercise=exercise)
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Course order (the catalog's), whatever the file system's order."""
    order = {exercise_id: i for i, exercise_id in enumerate(catalog.by_id())}

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
        from grader.loader import LoadError, is_not_started, load
        from grader.runner import FORBIDDEN_CHECK, check_names, new_evidence_log

        if is_not_started(self.exercise, self.tree):
            yield ProblemItem.from_parent(
                self,
                name="not_started",
                status="not_started",
                problem=msg("not_started", path=str(self.exercise.relpath)),
                order=0,
            )
            return
        try:
            self.learner = load(self.exercise, self.tree)
        except LoadError as e:
            yield ProblemItem.from_parent(self, name="loads", status="error", problem=e.problem, order=0)
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
        return self.config.stash[results_key]["lang"]

    def record(self, result: Any) -> None:
        """Keep a check's result (or a whole-exercise status string) for the closing summary."""
        self.config.stash[results_key]["files"][self.path][self.name] = result

    def reportinfo(self):
        return self.path, None, f"{self.exercise.id}::{self.name}"


class CheckFailed(Exception):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class CheckItem(GraderItem):
    def runtest(self) -> None:
        from grader.feedback import check_feedback
        from grader.runner import (
            FORBIDDEN_CHECK,
            CheckResult,
            forbidden_check,
            load_checks,
            load_reference,
            run_check,
        )

        learner, evidence = self.parent.learner, self.parent.evidence
        try:
            reference, settings = load_reference(self.exercise), _settings(self.config)
            if self.name == FORBIDDEN_CHECK:
                result = forbidden_check(learner, reference, settings, evidence)
            else:
                check = next(c for c in load_checks(self.exercise) if c.name == self.name)
                result = run_check(check, learner, reference, settings, evidence)
        except Exception:
            self.record(CheckResult(self.exercise.id, self.name, "error", 0, 1))
            raise
        self.record(result)
        self.user_properties.append((GRADER_STATUS, result.status))
        if result.status == "skipped":
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

    def __init__(self, *, status: str, problem: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.status = status
        self.problem = problem
        self.user_properties.append((GRADER_STATUS, status))

    def runtest(self) -> None:
        self.record(self.status)
        raise CheckFailed(f"{self.exercise.id}: {self.problem.render(self.lang)}")

    def repr_failure(self, excinfo, style=None):
        return excinfo.value.text if isinstance(excinfo.value, CheckFailed) else str(excinfo.value)


def pytest_report_teststatus(report: pytest.TestReport, config: pytest.Config):
    if report.when == "call" and dict(report.user_properties).get(GRADER_STATUS) == "not_started":
        return "unstarted", "N", "NOT STARTED"
    return None


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:
    from grader.feedback import progress_line
    from grader.runner import ExerciseResult

    state = config.stash.get(results_key, None)
    if not state or not state["files"]:
        return
    lang, results = state["lang"], []
    for path, checks in state["files"].items():
        exercise = catalog.get(Path(path).stem)
        statuses = list(checks.values())
        if len(statuses) == 1 and isinstance(statuses[0], str):  # not started, or does not load
            results.append(ExerciseResult(exercise, statuses[0]))
            continue
        passed = all(c.status in ("passed", "skipped") for c in statuses)
        skipped = passed and all(c.status == "skipped" for c in statuses if not c.gate)
        status = "skipped" if skipped else "passed" if passed else "failed"
        results.append(ExerciseResult(exercise, status, tuple(statuses)))
    terminalreporter.section("grader")
    not_started = [r for r in results if r.status == "not_started"]
    for r in not_started:
        terminalreporter.write_line(
            f"{msg('not_started_list').render(lang)}: {r.exercise.id} ({r.exercise.relpath})"
        )
    terminalreporter.write_line(progress_line(results, lang), bold=True)
