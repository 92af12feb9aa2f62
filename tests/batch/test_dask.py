"""grader batch --scheduler: the jobs go to a Dask cluster (a LocalCluster here), results come back to
the one gradebook writer."""

from __future__ import annotations

import dask
import pytest
from distributed import LocalCluster

from grader.batch.gradebook import Gradebook
from grader.cli import main
from tests.batch.conftest import RELPATH, RIGHT, WRONG, folder


@pytest.fixture(scope="module")
def cluster():
    # a worker grades in the sandbox, which starts a process per exercise: daemonic workers cannot
    with (
        dask.config.set({"distributed.worker.daemon": False}),
        LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as local,
    ):
        yield local


def test_a_batch_runs_on_a_dask_cluster(cluster, tmp_path):
    root = tmp_path / "submissions"
    folder(root, "hw-ann", {RELPATH: RIGHT})
    folder(root, "hw-ben", {RELPATH: WRONG[0].read_bytes()})
    (root / "hw-cat.zip").write_bytes(b"not a zip")
    db = tmp_path / "class.sqlite"
    argv = ["batch", str(root), "--db", str(db), "--scheduler", cluster.scheduler_address]
    assert main([*argv, "--exercise", "broadcast_add", "--max-examples", "3", "--seed", "2"]) == 0
    with Gradebook(db) as book:
        got = {r["learner"]: (r["status"], r["score"]) for r in book.current()}
    assert got == {"ann": ("graded", 10.0), "ben": ("graded", 0.0), "hw-cat": ("corrupt_archive", 0.0)}
