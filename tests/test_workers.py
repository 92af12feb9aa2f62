"""grader.workers with a helper played by a thread: how many helpers, in what order exercises go out and
come back, and what a helper that stopped means. The real thing (spawned helpers, each with a sandbox) is
in tests/sandbox/test_jobs.py."""

import threading
from multiprocessing import Pipe

import pytest

from grader import course, workers
from grader.cli import main
from grader.errors import ScoreError


def test_default_jobs_reads_grader_jobs_or_counts_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers.os, "sched_getaffinity", lambda _: set(range(16)))
    assert workers.default_jobs({}) == workers.MAX_AUTO_JOBS
    assert workers.default_jobs({"GRADER_JOBS": "auto"}) == workers.MAX_AUTO_JOBS
    assert workers.default_jobs({"GRADER_JOBS": "3"}) == 3
    monkeypatch.setattr(workers.os, "sched_getaffinity", lambda _: {0})
    assert workers.default_jobs({}) == 1
    for bad in ("0", "two", "-1"):
        with pytest.raises(ScoreError, match=r"GRADER_JOBS.*whole number.*" + bad):
            workers.default_jobs({"GRADER_JOBS": bad})


def test_a_bad_jobs_option_is_refused_with_what_is_expected(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit):
        main(["score", "exercises", "--jobs", "0"])
    assert "expected a whole number of workers" in capsys.readouterr().err


def test_only_races_and_clocked_judges_are_timed() -> None:
    timed = {e.id for e in course.active().exercises if workers.is_timed(e)}
    assert {"pairwise_sq_distances", "time_on_device"} <= timed
    assert not timed & {"broadcast_add", "train_step", "matmul"}


def helper_thread(answer) -> tuple[workers.Helpers, list[str]]:
    """Helpers whose one helper is a thread: it answers each exercise it is sent with ``answer(id)``."""
    mine, theirs = Pipe()
    helpers = object.__new__(workers.Helpers)
    helpers.processes, helpers.connections, helpers.described = [], [mine], {}
    graded: list[str] = []

    def serve() -> None:
        while (exercise_id := theirs.recv()) is not None:
            graded.append(exercise_id)
            theirs.send(answer(exercise_id))

    threading.Thread(target=serve, daemon=True).start()
    return helpers, graded


def test_timed_exercises_are_graded_here_last_and_reports_come_back_in_course_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = ("matmul", "pairwise_sq_distances", "broadcast_add", "patchify", "standardize", "one_hot")
    exercises = [course.active().get(i) for i in ids]
    monkeypatch.setattr(workers, "is_timed", lambda e: e.id == "pairwise_sq_distances")
    helpers, by_helper = helper_thread(lambda i: ("graded", i, f"report of {i}"))
    here: list[str] = []
    seen_when_timed: list[str] = []

    def grade_here(exercise, following) -> str:
        if exercise.id == "pairwise_sq_distances":
            seen_when_timed.extend(by_helper + here)
        here.append(exercise.id)
        return f"report of {exercise.id}"

    shown: list[str] = []
    reports = workers.share(helpers, exercises, grade_here, shown.append)
    helpers.close()
    assert here[-1] == "pairwise_sq_distances" and "pairwise_sq_distances" not in by_helper
    assert sorted(seen_when_timed) == sorted(set(ids) - {"pairwise_sq_distances"})
    assert by_helper and len(here) > 1  # both graded
    assert reports == shown == [f"report of {i}" for i in ids]


def test_a_helper_that_failed_stops_the_run_without_a_score() -> None:
    helpers, _ = helper_thread(lambda i: ("error", "a grading helper failed (RuntimeError: boom)"))
    exercises = [course.active().get(i) for i in ("matmul", "broadcast_add", "patchify")]
    with pytest.raises(ScoreError, match="RuntimeError: boom"):
        workers.share(helpers, exercises, lambda e, following: f"report of {e.id}")
    helpers.close()


def test_a_helper_that_cannot_start_stops_the_run_with_its_exit_status(tmp_path) -> None:
    from grader.settings import RunConfig, Settings

    setup = workers.Setup(course.active(), tmp_path, RunConfig(Settings(), "local"), "en", None, False)
    helpers = workers.Helpers(setup, 1, "grader.no_such_module:help_grade")
    try:
        with pytest.raises(ScoreError, match=r"helper stopped \(exit status 1\).*no score"):
            helpers.wait_until_ready()
    finally:
        helpers.close()


def test_a_helper_at_another_sandbox_level_stops_the_run() -> None:
    """The report states one isolation level: a helper that only reached a weaker one must not hide
    behind the parent's."""
    from types import SimpleNamespace

    from grader.score import _same_level

    parent = SimpleNamespace(isolation="namespaces")
    _same_level(parent, SimpleNamespace(levels=["namespaces", "namespaces"]))
    with pytest.raises(ScoreError, match=r"'namespaces'.*one runs at 'uid'.*--jobs 1"):
        _same_level(parent, SimpleNamespace(levels=["namespaces", "uid"]))
