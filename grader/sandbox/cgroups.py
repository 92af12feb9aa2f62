"""Resource caps for one exercise's processes: a cgroup (v1 or v2) capping tasks and memory, and counting
the CPU time they use (what a timed check measures where a cgroup is had: see grader/racing.py).

The trusted parent finds where it may create cgroups (:func:`find`), once per run, before the fork server
starts; then creates one cgroup per exercise child, which the child joins before it forks anything, so
every process the learner starts is counted, capped and killed with it.

- **v1** (root, ``pids`` and ``memory`` hierarchies, and ``cpuacct`` where mounted): one directory per
  controller at the hierarchy root.
- **v2** as root: a directory at the root of the unified hierarchy (its ``cgroup.subtree_control`` enables
  ``memory`` and ``pids`` for children).
- **v2** as an ordinary user: a *delegated* cgroup, i.e. the one the grader runs in belongs to the user and
  offers ``memory`` and ``pids`` (``systemd-run --user --scope -p Delegate=yes grader score ...``). A v2
  cgroup with processes cannot enable controllers for its children, so the grader first moves itself
  (and the fork server it starts afterwards) into a leaf ``grader-<pid>-main``, then enables them.

Where none applies, :func:`find` returns None with the reason, and the sandbox falls back to rlimits.
Paths are parameters, so the tests drive this code against a fake cgroup tree.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

CONTROLLERS = ("memory", "pids")


@dataclass(frozen=True)
class Mount:
    point: Path
    fstype: str  # cgroup or cgroup2
    options: frozenset[str]  # for v1: the controllers it carries


def mounts(mountinfo: Path = Path("/proc/self/mountinfo")) -> list[Mount]:
    found = []
    for line in _read(mountinfo).splitlines():
        before, _, after = line.partition(" - ")
        fields, tail = before.split(), after.split()
        if len(fields) >= 5 and len(tail) >= 3 and tail[0] in ("cgroup", "cgroup2"):
            point = Path(fields[4].replace("\\040", " "))
            found.append(Mount(point, tail[0], frozenset(tail[2].split(","))))
    return found


def own_cgroup(self_cgroup: Path = Path("/proc/self/cgroup")) -> str | None:
    """This process's path in the unified (v2) hierarchy, e.g. ``/user.slice/.../app.scope``."""
    for line in _read(self_cgroup).splitlines():
        if line.startswith("0::"):
            return line[3:]
    return None


class Cgroup:
    """One exercise's cgroup: the files its child joins, its caps, and its teardown."""

    version = 0

    def __init__(self, dirs: list[Path]) -> None:
        self.dirs = dirs

    @property
    def procs(self) -> list[Path]:
        return [d / "cgroup.procs" for d in self.dirs]

    def members(self) -> set[int]:
        return {int(p) for f in self.procs for p in _read(f).split() if p.isdigit()}

    def hit_memory_limit(self) -> bool:
        raise NotImplementedError

    def cpu_seconds(self) -> float | None:
        """CPU time used so far by every process that was ever in the cgroup; None if not accounted."""
        return None

    def kill_all(self) -> None:
        """SIGKILL every member, again while new ones appear (a fork in flight); no wait for their exit."""
        signalled: set[int] = set()
        for _ in range(100):
            pids = self.members() - signalled
            if not pids:
                return
            for pid in pids:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, signal.SIGKILL)
            signalled |= pids

    def remove(self, patience: float = 2.0) -> bool:
        """Kill what is left and remove the cgroup; False if it stayed busy for ``patience`` seconds.

        A killed process holds its cgroup until it is reaped, and an orphan is reaped by whoever adopted
        it, so removal can lag the kill by a few milliseconds: retry with short sleeps, not a busy loop.
        """
        self.kill_all()
        deadline = time.monotonic() + patience
        pause = 0.0005
        for d in self.dirs:
            while True:
                try:
                    d.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        return False
                    self.kill_all()
                    time.sleep(pause)
                    pause = min(pause * 2, 0.05)
        return True


class CgroupV1(Cgroup):
    version = 1

    def __init__(self, pids: Path, memory: Path, tasks: int, memory_bytes: int, cpuacct: Path | None) -> None:
        super().__init__([pids, memory, *([cpuacct] if cpuacct else [])])
        for d in self.dirs:
            d.mkdir(exist_ok=True)
        (pids / "pids.max").write_text(str(tasks))
        (memory / "memory.limit_in_bytes").write_text(str(memory_bytes))

    def hit_memory_limit(self) -> bool:
        return _int(self.dirs[1] / "memory.failcnt") > 0

    def cpu_seconds(self) -> float | None:
        if len(self.dirs) < 3:
            return None
        return _int(self.dirs[2] / "cpuacct.usage") / 1e9


class CgroupV2(Cgroup):
    version = 2

    def __init__(self, path: Path, tasks: int, memory_bytes: int) -> None:
        super().__init__([path])
        path.mkdir(exist_ok=True)
        (path / "pids.max").write_text(str(tasks))
        (path / "memory.max").write_text(str(memory_bytes))
        with contextlib.suppress(OSError):  # no swap to hide in (absent without swap accounting)
            (path / "memory.swap.max").write_text("0")

    def hit_memory_limit(self) -> bool:
        return any(_stat(self.dirs[0] / "memory.events").get(key, 0) > 0 for key in ("oom", "oom_kill"))

    def cpu_seconds(self) -> float | None:
        usage = _stat(self.dirs[0] / "cpu.stat").get("usage_usec")
        return None if usage is None else usage / 1e6

    def kill_all(self) -> None:
        kill = self.dirs[0] / "cgroup.kill"  # Linux 5.14+: the kernel kills every member, forks included
        if kill.exists():
            with contextlib.suppress(OSError):
                kill.write_text("1")
        super().kill_all()


@dataclass
class Host:
    """Where this run creates its cgroups; :meth:`create` makes one per exercise child."""

    version: int
    bases: tuple[Path, ...]  # v1: the pids, memory (and cpuacct) hierarchies; v2: the parent of our cgroups
    supervisor: Path | None = None  # v2 delegated: the leaf the grader moved itself into

    def describe(self) -> str:
        where = ", ".join(str(b) for b in self.bases)
        cpu = "+cpu accounting" if self.version == 2 or len(self.bases) > 2 else ""
        return f"v{self.version} memory+pids{cpu} under {where}"

    def create(self, name: str, tasks: int, memory_bytes: int) -> Cgroup:
        if self.version == 1:
            cpuacct = self.bases[2] / name if len(self.bases) > 2 else None
            return CgroupV1(self.bases[0] / name, self.bases[1] / name, tasks, memory_bytes, cpuacct)
        return CgroupV2(self.bases[0] / name, tasks, memory_bytes)

    def remove_stale(self) -> None:
        """Remove the cgroups a killed grader left behind (named after a process that is gone), killing
        what still runs in them first: at the uid and process levels, processes the learner forked
        itself outlive a killed grader (the namespaces level's die with its PID namespace)."""
        for base in self.bases:
            for d in base.glob("grader-*"):
                owner = d.name.split("-")[1]
                if owner.isdigit() and not Path(f"/proc/{owner}").exists():
                    Cgroup([d]).remove(patience=1.0)  # what stays busy is tried again next time


def find(
    root_dir: Path = Path("/"),
    mountinfo: Path = Path("/proc/self/mountinfo"),
    self_cgroup: Path = Path("/proc/self/cgroup"),
    pid: int | None = None,
    euid: int | None = None,
) -> tuple[Host | None, str]:
    """The cgroups this process may use, or None and why not. Call before starting any child process."""
    pid = os.getpid() if pid is None else pid
    euid = os.geteuid() if euid is None else euid
    found = mounts(mountinfo)

    def at(point: Path) -> Path:
        return root_dir / point.relative_to("/")

    v1 = {
        c: at(m.point)
        for m in found
        if m.fstype == "cgroup"
        for c in (*CONTROLLERS, "cpuacct")
        if c in m.options
    }
    if euid == 0 and all(c in v1 for c in CONTROLLERS) and all(os.access(d, os.W_OK) for d in v1.values()):
        return Host(1, (v1["pids"], v1["memory"], *([v1["cpuacct"]] if "cpuacct" in v1 else []))), "v1"
    unified = next((at(m.point) for m in found if m.fstype == "cgroup2"), None)
    if unified is None:
        return None, "no cgroup v2 hierarchy mounted, and v1 needs root"
    if euid == 0:
        return _v2_as_root(unified)
    own = own_cgroup(self_cgroup)
    if own is None:
        return None, "this process is in no cgroup v2"
    return _v2_delegated(unified / own.lstrip("/"), pid)


def _v2_as_root(unified: Path) -> tuple[Host | None, str]:
    if not _offers(unified / "cgroup.subtree_control"):
        with contextlib.suppress(OSError):
            (unified / "cgroup.subtree_control").write_text("+memory +pids")
    if not _offers(unified / "cgroup.subtree_control"):
        offered = " ".join(sorted(_tokens(unified / "cgroup.controllers"))) or "none"
        return None, f"the v2 hierarchy at {unified} offers {offered}, not memory and pids"
    return Host(2, (unified,)), "v2"


def _v2_delegated(own: Path, pid: int) -> tuple[Host | None, str]:
    """Use our own cgroup if it is ours (delegated) and offers memory and pids: move into a leaf first."""
    if not _offers(own / "cgroup.controllers"):
        offered = " ".join(sorted(_tokens(own / "cgroup.controllers"))) or "none"
        return None, f"the cgroup {own} offers {offered}, not memory and pids"
    if not (os.access(own, os.W_OK) and os.access(own / "cgroup.procs", os.W_OK)):
        return None, f"the cgroup {own} is not delegated to this user (run under a delegated systemd scope)"
    if _offers(own / "cgroup.subtree_control"):
        return Host(2, (own,)), "v2 (delegated)"
    supervisor = own / f"grader-{pid}-main"
    try:
        supervisor.mkdir(exist_ok=True)
        (supervisor / "cgroup.procs").write_text(str(pid))
        (own / "cgroup.subtree_control").write_text("+memory +pids")
    except OSError as e:
        with contextlib.suppress(OSError):
            (own / "cgroup.procs").write_text(str(pid))
            supervisor.rmdir()
        return None, f"could not enable memory and pids below {own} ({e.strerror}: other processes share it)"
    return Host(2, (own,), supervisor), "v2 (delegated)"


def _tokens(path: Path) -> set[str]:
    return {t.lstrip("+") for t in _read(path).split()}


def _offers(path: Path) -> bool:
    return set(CONTROLLERS) <= _tokens(path)


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:
        return ""


def _stat(path: Path) -> dict[str, int]:
    """A flat-keyed cgroup file (``memory.events``, ``cpu.stat``): ``key value`` per line."""
    found = {}
    for line in _read(path).splitlines():
        key, _, value = line.partition(" ")
        if value.strip().isdigit():
            found[key] = int(value)
    return found


def _int(path: Path) -> int:
    try:
        return int(_read(path).strip() or 0)
    except ValueError:
        return 0
