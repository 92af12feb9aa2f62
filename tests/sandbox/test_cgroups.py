"""grader.sandbox.cgroups against fake cgroup trees (v1, v2 as root, v2 delegated to a user), and for real
wherever this machine lets this process create cgroups."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from grader.sandbox import cgroups

V1_MOUNTS = """\
30 25 0:26 / /sys/fs/cgroup/pids rw,nosuid - cgroup cgroup rw,pids
31 25 0:27 / /sys/fs/cgroup/memory rw,nosuid - cgroup cgroup rw,memory
"""
V2_MOUNTS = "29 25 0:25 / /sys/fs/cgroup rw,nosuid,nodev,noexec - cgroup2 cgroup2 rw,nsdelegate\n"
SCOPE = "/user.slice/user-1000.slice/user@1000.service/app.slice/grader.scope"


def fake_tree(tmp_path: Path, mounts: str, own: str, files: dict[str, str]) -> dict[str, Path]:
    (tmp_path / "mountinfo").write_text(mounts)
    (tmp_path / "self-cgroup").write_text(f"0::{own}\n")
    for name, text in files.items():
        path = tmp_path / "root" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return {
        "root_dir": tmp_path / "root",
        "mountinfo": tmp_path / "mountinfo",
        "self_cgroup": tmp_path / "self-cgroup",
    }


def test_v1_as_root_caps_tasks_and_memory_in_both_hierarchies(tmp_path: Path) -> None:
    paths = fake_tree(tmp_path, V1_MOUNTS, "/", {"sys/fs/cgroup/pids/x": "", "sys/fs/cgroup/memory/x": ""})
    host, why = cgroups.find(**paths, pid=42, euid=0)
    assert host is not None and host.version == 1, why
    group = host.create("grader-42-ex-0", tasks=7, memory_bytes=1 << 20)
    pids, memory = group.dirs
    assert (pids / "pids.max").read_text() == "7"
    assert (memory / "memory.limit_in_bytes").read_text() == str(1 << 20)
    assert group.procs == [pids / "cgroup.procs", memory / "cgroup.procs"]
    assert not group.hit_memory_limit()
    (memory / "memory.failcnt").write_text("3")
    assert group.hit_memory_limit()


def test_v1_needs_root(tmp_path: Path) -> None:
    paths = fake_tree(tmp_path, V1_MOUNTS, "/", {"sys/fs/cgroup/pids/x": "", "sys/fs/cgroup/memory/x": ""})
    host, why = cgroups.find(**paths, pid=42, euid=1000)
    assert host is None and "v2" in why


def test_v2_as_root_uses_the_hierarchy_root(tmp_path: Path) -> None:
    files = {
        "sys/fs/cgroup/cgroup.subtree_control": "cpu memory pids",
        "sys/fs/cgroup/cgroup.controllers": "cpu memory pids",
    }
    host, why = cgroups.find(**fake_tree(tmp_path, V2_MOUNTS, "/system.slice/runner.service", files), euid=0)
    assert host is not None and host.version == 2 and host.bases == (tmp_path / "root/sys/fs/cgroup",), why
    group = host.create("grader-1-ex-0", tasks=9, memory_bytes=5 << 20)
    (d,) = group.dirs
    assert (d / "pids.max").read_text() == "9" and (d / "memory.max").read_text() == str(5 << 20)
    assert (d / "memory.swap.max").read_text() == "0"
    (d / "memory.events").write_text("low 0\nhigh 0\nmax 12\noom 0\noom_kill 0\n")
    assert not group.hit_memory_limit()  # reclaimed at the limit: not (yet) a kill
    (d / "memory.events").write_text("low 0\nhigh 0\nmax 12\noom 1\noom_kill 1\n")
    assert group.hit_memory_limit()
    (d / "cgroup.kill").write_text("")
    group.kill_all()
    assert (d / "cgroup.kill").read_text() == "1"  # the kernel kills every member, forks in flight included


def test_v2_as_root_without_memory_and_pids_says_so(tmp_path: Path) -> None:
    files = {"sys/fs/cgroup/cgroup.controllers": "cpu io hugetlb"}
    paths = fake_tree(tmp_path, V2_MOUNTS, "/", files)
    (tmp_path / "root/sys/fs/cgroup/cgroup.subtree_control").mkdir()  # cannot be written
    host, why = cgroups.find(**paths, euid=0)
    assert host is None and "offers cpu hugetlb io, not memory and pids" in why


def test_v2_delegated_to_a_user_moves_the_grader_into_a_leaf_first(tmp_path: Path) -> None:
    scope = f"sys/fs/cgroup{SCOPE}"
    files = {
        f"{scope}/cgroup.controllers": "memory pids",
        f"{scope}/cgroup.subtree_control": "",
        f"{scope}/cgroup.procs": "77\n",
    }
    host, why = cgroups.find(**fake_tree(tmp_path, V2_MOUNTS, SCOPE, files), pid=77, euid=1000)
    own = tmp_path / "root" / scope
    assert host is not None and host.version == 2 and host.bases == (own,), why
    assert host.supervisor == own / "grader-77-main"
    assert (own / "grader-77-main/cgroup.procs").read_text() == "77"  # out of the cgroup it configures
    assert (own / "cgroup.subtree_control").read_text() == "+memory +pids"
    group = host.create("grader-77-ex-3", tasks=5, memory_bytes=1 << 30)
    assert group.dirs == [own / "grader-77-ex-3"] and (own / "grader-77-ex-3/pids.max").read_text() == "5"


def test_v2_not_delegated_or_without_controllers_falls_back_with_a_reason(tmp_path: Path) -> None:
    scope = f"sys/fs/cgroup{SCOPE}"
    files = {f"{scope}/cgroup.controllers": "cpu", f"{scope}/cgroup.procs": "77\n"}
    host, why = cgroups.find(**fake_tree(tmp_path, V2_MOUNTS, SCOPE, files), pid=77, euid=1000)
    assert host is None and "not memory and pids" in why
    host, why = cgroups.find(**fake_tree(tmp_path, "", "/", {}), euid=1000)
    assert host is None and "no cgroup v2" in why


def test_stale_cgroups_of_dead_graders_are_removed_and_live_ones_kept(tmp_path: Path) -> None:
    base = tmp_path / "base"
    dead = 2**22 + 12345  # above the largest pid Linux hands out (pid_max is at most 2**22)
    for name in (f"grader-{dead}-ex-0", f"grader-{os.getpid()}-ex-0", "other"):
        (base / name).mkdir(parents=True)
    cgroups.Host(2, (base,)).remove_stale()
    assert sorted(p.name for p in base.iterdir()) == sorted([f"grader-{os.getpid()}-ex-0", "other"])


REAL, WHY_NOT = cgroups.find()


@pytest.mark.skipif(REAL is None, reason=f"no cgroup this process may create here: {WHY_NOT}")
def test_a_real_cgroup_caps_tasks_and_kills_every_member() -> None:
    group = REAL.create(f"grader-{os.getpid()}-test-{time.monotonic_ns()}", tasks=20, memory_bytes=256 << 20)
    try:
        joined = "; ".join(f"echo 0 > {procs}" for procs in group.procs)
        sleeper = subprocess.Popen(["sh", "-c", f"{joined}; sleep 60 & sleep 60 & wait"])
        deadline = time.monotonic() + 5
        while len(group.members()) < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(group.members()) >= 3
        group.kill_all()
        assert sleeper.wait(5) == -signal.SIGKILL
    finally:
        assert group.remove(patience=5)
    assert not any(d.exists() for d in group.dirs)


@pytest.mark.skipif(REAL is None, reason=f"no cgroup this process may create here: {WHY_NOT}")
def test_processes_left_in_a_dead_graders_cgroup_are_killed_when_it_is_removed() -> None:
    dead = 2**22 + 54321  # no such pid: the grader that made it is gone
    group = REAL.create(f"grader-{dead}-test-{time.monotonic_ns()}", tasks=20, memory_bytes=256 << 20)
    joined = "; ".join(f"echo 0 > {procs}" for procs in group.procs)
    sleeper = subprocess.Popen(["sh", "-c", f"{joined}; exec sleep 60"])
    deadline = time.monotonic() + 5
    while not group.members() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert group.members()
    REAL.remove_stale()
    assert sleeper.wait(5) == -signal.SIGKILL
    assert not any(d.exists() for d in group.dirs)


# -- without a cgroup, the tasks are still capped --------------------------------------------------------

THREAD_COUNTER = """
import threading
import time

import torch


def make_grid(rows, cols, dtype=torch.int64):
    started = 0
    for _ in range(200):
        try:
            threading.Thread(target=time.sleep, args=(30,), daemon=True).start()
        except RuntimeError:  # can't start new thread: the cap
            break
        started += 1
    grid = torch.arange(rows * cols, dtype=dtype).reshape(rows, cols)
    return grid if started < 100 else grid + 1  # a wrong answer says the cap was not there
"""


@pytest.mark.parametrize("level", ["namespaces", "uid"])
def test_without_a_cgroup_every_level_still_caps_the_tasks(level: str, tmp_path: Path) -> None:
    """As an ordinary user no cgroup is delegated: then there was no task limit at all, and the report
    listed nothing missing. RLIMIT_NPROC now caps them (counted per dedicated uid, or within the learner's
    own user namespace), and the report lists it."""
    import dataclasses

    from grader import course
    from grader.runner import Settings, run_exercise
    from grader.sandbox import Limits, Sandbox, confine, prepare

    plan = prepare()
    if (level == confine.UID and not plan.as_root) or plan.level != confine.NAMESPACES:
        pytest.skip(f"the {level} level is not offered here")
    plan = dataclasses.replace(plan, cgroup=None, cgroup_note="none in this test")
    exercise = course.active().get("make_grid")
    path = tmp_path / exercise.relpath
    path.parent.mkdir(parents=True)
    path.write_text(THREAD_COUNTER)
    with Sandbox(Limits(call_seconds=20, tasks=16), level=level, plan=plan) as sandbox:
        settings = Settings(max_examples=2, seed=1)
        result = run_exercise(exercise, tmp_path, settings, sandbox=sandbox)
        mechanisms = sandbox.mechanisms()
    why = [(c.check, c.failure and c.failure.problem.render("en")) for c in result.checks]
    assert result.status == "passed", why
    assert "processes" in mechanisms["rlimits"]


def test_a_task_cap_that_cannot_be_had_is_listed_as_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    """An ordinary user with namespaces, no cgroup, and a kernel that counts RLIMIT_NPROC over all of the
    user's processes: nothing caps the tasks, and the plan says so instead of listing nothing missing."""
    from grader.sandbox import confine, host

    monkeypatch.setattr(host.os, "geteuid", lambda: 1000)
    monkeypatch.setattr(host, "_try_namespaces", lambda as_root: (True, True, False, ""))
    plan = host.probe(cgroup_host=(None, "not delegated"))
    assert plan.level == confine.NAMESPACES and not plan.tasks_rlimit
    assert any(m.startswith("processes:") for m in plan.missing)
    assert "processes" not in plan.mechanisms()["rlimits"]
    monkeypatch.setattr(host, "_try_namespaces", lambda as_root: (True, True, True, ""))
    plan = host.probe(cgroup_host=(None, "not delegated"))  # the kernel counts the namespace's own tasks
    assert plan.tasks_rlimit and not plan.missing and "processes" in plan.mechanisms()["rlimits"]


def test_the_probe_finds_that_rlimit_nproc_counts_a_namespaces_own_tasks() -> None:
    """Run for real as this machine allows: in a fresh user namespace (kernel 5.14+) the count starts
    at this process, so with a limit of 2 one fork works and the next fails."""
    from grader.sandbox import confine, host

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        answer = b"?"
        try:
            if (
                os.geteuid() == 0
            ):  # root is exempt from RLIMIT_NPROC: try as a uid of no account, below the dedicated range
                os.setgroups([])
                os.setresgid(0x7DFFFF00, 0x7DFFFF00, 0x7DFFFF00)
                os.setresuid(0x7DFFFF00, 0x7DFFFF00, 0x7DFFFF00)
            confine.kernel.unshare(confine.kernel.CLONE_NEWUSER)
            answer = b"t" if host._tasks_capped_in_namespace() else b"n"
        except BaseException:
            pass
        os.write(write, answer)
        os._exit(0)
    os.close(write)
    answer = os.read(read, 1)
    os.waitpid(pid, 0)
    if answer == b"?":
        pytest.skip("no user namespace for this process here")
    release = tuple(int(x) for x in os.uname().release.split(".")[:2] if x.isdigit())
    assert answer == (b"t" if release >= (5, 14) else b"n")
