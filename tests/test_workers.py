"""grader.workers without processes: how many workers, in what order exercises go out and come back, and
what a dead worker means. The real thing (spawned workers, each with a sandbox) is in
tests/sandbox/test_workers.py."""

import queue
from types import SimpleNamespace

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


class FakeWorkers:
    """The tasks queue and the results queue of workers that grade in the order they are handed work."""

    def __init__(self) -> None:
        self.handed: list[str] = []
        self.pending: list[str] = []
        self.finished_before: dict[str, list[str]] = {}  # what was back when each exercise went out

    def put(self, exercise_id: str) -> None:
        self.finished_before[exercise_id] = [i for i in self.handed if i not in self.pending]
        self.handed.append(exercise_id)
        self.pending.append(exercise_id)

    def get(self, timeout: float) -> tuple:
        exercise_id = self.pending.pop()  # the last handed out comes back first: out of course order
        return ("graded", exercise_id, f"report of {exercise_id}")


def test_timed_exercises_go_out_alone_and_reports_come_back_in_course_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    exercises = [
        course.active().get(i) for i in ("matmul", "pairwise_sq_distances", "broadcast_add", "patchify")
    ]
    monkeypatch.setattr(workers, "is_timed", lambda e: e.id == "pairwise_sq_distances")
    fake = FakeWorkers()
    shown: list[str] = []
    reports = workers._hand_out([SimpleNamespace(is_alive=lambda: True)], fake, fake, exercises, shown.append)
    assert fake.handed[-1] == "pairwise_sq_distances"
    assert set(fake.finished_before["pairwise_sq_distances"]) == {"matmul", "broadcast_add", "patchify"}
    expected = [f"report of {e.id}" for e in exercises]
    assert reports == shown == expected


def test_a_worker_that_died_stops_the_run_without_a_score() -> None:
    class Silent:
        def get(self, timeout: float) -> tuple:
            raise queue.Empty

    dead = SimpleNamespace(is_alive=lambda: False, exitcode=-9)
    with pytest.raises(ScoreError, match=r"worker stopped.*exit status -9.*no score"):
        workers._next([dead], Silent(), None)
