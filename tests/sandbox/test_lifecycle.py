"""The sandbox's life cycle: children spawned ahead run no learner code until their turn, every process
and cgroup is gone when the sandbox closes, and nothing heavy is imported before the fork server starts."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from grader import course
from grader.loader import reference_root
from grader.runner import Settings, run_exercise
from grader.sandbox import Sandbox, prepare, server

ROOT = Path(__file__).resolve().parents[2]
EXERCISE = course.active().get("broadcast_add")
SETTINGS = Settings(max_examples=3, seed=1)


def _tree(tmp_path: Path, source: str) -> Path:
    path = tmp_path / EXERCISE.relpath
    path.parent.mkdir(parents=True)
    path.write_text(source)
    return tmp_path


def test_a_child_spawned_ahead_loads_the_learners_file_only_when_its_turn_comes(tmp_path: Path) -> None:
    right = (ROOT / "tests/submissions/broadcast_add/right_expand.py").read_text()
    tree = _tree(tmp_path, right + '\nprint("imported", flush=True)\n')
    with Sandbox() as sandbox:
        sandbox.prepare(EXERCISE, tree)
        spawned = next(iter(sandbox._spawned.values())).result()
        time.sleep(1.0)  # ample time for the child to set up (and, wrongly, to import)
        assert spawned.process.is_alive()
        assert spawned.output.read_text() == ""
        result = run_exercise(EXERCISE, tree, SETTINGS, sandbox=sandbox)
        assert result.status == "passed"
        assert spawned.output.read_text() == "imported\n"
        assert not sandbox._spawned


def test_an_unused_child_spawned_ahead_is_killed_and_reaped_at_exit(tmp_path: Path) -> None:
    tree = _tree(tmp_path, (ROOT / "reference" / EXERCISE.relpath).read_text())
    with Sandbox() as sandbox:
        sandbox.prepare(EXERCISE, tree)
        spawned = next(iter(sandbox._spawned.values())).result()
    assert spawned.process.exitcode is not None
    assert not spawned.scratch.exists()


def test_a_missing_file_is_reported_when_graded_even_if_spawned_ahead(tmp_path: Path) -> None:
    with Sandbox() as sandbox:
        sandbox.prepare(EXERCISE, tmp_path)
        result = run_exercise(EXERCISE, tmp_path, SETTINGS, sandbox=sandbox)
    assert result.status == "error" and "file not found" in result.problem.render("en")


def test_an_exercise_graded_again_while_its_last_child_dies_gets_a_child_of_its_own() -> None:
    with Sandbox() as sandbox:
        for _ in range(3):  # spawned ahead while the previous child is killed but not yet reaped
            sandbox.prepare(EXERCISE, reference_root())
            assert run_exercise(EXERCISE, reference_root(), SETTINGS, sandbox=sandbox).status == "passed"


CGROUPS = prepare().cgroup
NO_CGROUPS = f"no cgroup this process may use here ({prepare().cgroup_note})"


@pytest.mark.skipif(CGROUPS is None, reason=NO_CGROUPS)
def test_no_cgroup_outlives_the_sandbox() -> None:
    mine = f"grader-{os.getpid()}-"
    with Sandbox() as sandbox:
        for exercise in (EXERCISE, course.active().get("matmul")):
            assert run_exercise(exercise, reference_root(), SETTINGS, sandbox=sandbox).status == "passed"
    left = [d.name for base in CGROUPS.bases for d in base.glob(f"{mine}*") if not d.name.endswith("-main")]
    assert left == []


@pytest.mark.skipif(CGROUPS is None, reason=NO_CGROUPS)
def test_cgroups_of_a_dead_grader_are_removed() -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    stale = [base / f"grader-{int(dead.stdout)}-x" for base in CGROUPS.bases]
    for d in stale:
        d.mkdir()
    CGROUPS.remove_stale()
    assert not any(d.exists() for d in stale)


def test_the_command_line_starts_the_fork_server_before_importing_torch() -> None:
    code = "import sys, grader.cli; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_children_never_rerun_the_main_script_or_module() -> None:
    main = sys.modules["__main__"]
    before = (getattr(main, "__file__", None), getattr(main, "__spec__", None))
    with server.main_script_hidden():
        assert getattr(main, "__file__", None) is None and main.__spec__ is None
    assert (getattr(main, "__file__", None), getattr(main, "__spec__", None)) == before


def test_the_sandbox_and_the_watch_loop_each_get_their_own_fork_server(tmp_path: Path) -> None:
    """multiprocessing keeps one fork server per process: one started by the watch loop's workers (its
    preload confines nothing) must never serve a sandboxed child, nor the sandbox's serve a worker. In a
    fresh process, so that no earlier test has started either server."""
    tree = _tree(tmp_path, (ROOT / "tests/submissions/broadcast_add/right_expand.py").read_text())
    code = f"""
from pathlib import Path
from grader import course
from grader.learner import worker
from grader.runner import Settings, run_exercise
from grader.sandbox import Sandbox

exercise, tree = course.active().get("broadcast_add"), Path({str(tree)!r})
for _ in range(2):
    worker.start()
    print("worker", worker.Grading(exercise.id, tree, 3, 1, "en", 60).result().status)
    with Sandbox() as sandbox:
        print("sandbox", run_exercise(exercise, tree, Settings(max_examples=3), sandbox=sandbox).status)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.stdout.split() == ["worker", "passed", "sandbox", "passed"] * 2, out.stderr[-2000:]


def _descendants(pid: int) -> set[int]:
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
    found, pending = set(), [pid]
    while pending:
        current = pending.pop()
        children = [p for p, parent in parents.items() if parent == current]
        found.update(children)
        pending += children
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


GRADER = """
import sys
from pathlib import Path
from grader import course
from grader.runner import Settings, run_exercise
from grader.sandbox import Limits, Sandbox
with Sandbox(Limits(call_seconds=300, exercise_seconds=600), level=sys.argv[2]) as sandbox:
    settings = Settings(max_examples=3, seed=1)
    run_exercise(course.active().get("broadcast_add"), Path(sys.argv[1]), settings, sandbox=sandbox)
"""


@pytest.mark.parametrize("level", ["namespaces", "uid"])
def test_killing_the_grader_kills_its_fork_server_and_every_learner_process(
    level: str, tmp_path: Path
) -> None:
    """SIGKILL of the grader while learner code runs (it sleeps): the fork server, the child, its init
    and the learner all die with it (a learner of a killed grader slept on for as long as it liked)."""
    plan = prepare()
    if level != plan.level and not (level == "uid" and plan.as_root):
        pytest.skip(f"the {level} level is not offered here")
    tree = _tree(tmp_path, "import time\n\ndef broadcast_add(a, b):\n    time.sleep(10**6)\n")
    grader = subprocess.Popen([sys.executable, "-c", GRADER, str(tree), level], cwd=ROOT)
    try:
        deadline, family = time.monotonic() + 120, set()
        while time.monotonic() < deadline:  # fork server, outer child, (init and learner,) sleeping
            family = _descendants(grader.pid)
            learners = [p for p in family if _sleeps_in_learner_code(p)]
            if learners:
                break
            time.sleep(0.2)
        assert learners, "the learner never started"
        family = _descendants(grader.pid)
    finally:
        grader.kill()
        grader.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(p) for p in family):
        time.sleep(0.2)
    assert not [p for p in family if _alive(p)]


def _sleeps_in_learner_code(pid: int) -> bool:
    """The learner's process, in time.sleep (nothing else of the grader's family sleeps that way)."""
    try:
        return "nanosleep" in Path(f"/proc/{pid}/wchan").read_text()
    except OSError:
        return False
