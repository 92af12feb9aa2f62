"""CPU time charged to a child's processes, read by the trusted parent from the kernel.

With a cgroup, the cgroup's own counter covers every process the learner's code ever started
(:meth:`grader.sandbox.cgroups.Cgroup.cpu_seconds`). Without one, :class:`ProcessTree` adds up, for the
child and every descendant alive now, the process's CPU clock (``clock_gettime`` on another process's
CPU-time clock: nanoseconds, no permission needed) and the time of its children that have already been
reaped (``cutime``/``cstime`` of ``/proc/<pid>/stat``, in clock ticks): work moved to a short-lived
process still shows.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

CPUCLOCK_SCHED = 2
TICK = 1.0 / os.sysconf("SC_CLK_TCK")


def process_clock(pid: int) -> int:
    """The clock id of a process's CPU time (Linux's encoding, as glibc's clock_getcpuclockid makes it)."""
    return ((~pid) << 3) | CPUCLOCK_SCHED


class ProcessTree:
    """The CPU time used so far by a process and its descendants (alive, or reaped by one of them)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid

    def cpu_seconds(self) -> float:
        total = 0.0
        for pid in self.members():
            with contextlib.suppress(OSError):  # gone since it was listed: its time moved to its reaper
                total += time.clock_gettime_ns(process_clock(pid)) / 1e9
            total += _reaped(pid)
        return total

    def members(self) -> list[int]:
        found, pending = [], [self.pid]
        while pending:
            pid = pending.pop()
            found.append(pid)
            pending += _children(pid)
        return found


def _children(pid: int) -> list[int]:
    children = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            children += [int(c) for c in (task / "children").read_text().split()]
    except OSError:
        return []
    return children


def _reaped(pid: int) -> float:
    """cutime + cstime: the CPU time of the children this process has waited for."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat[stat.rindex(")") + 2 :].split()  # after the command name, which may hold spaces
    return (int(fields[13]) + int(fields[14])) * TICK
