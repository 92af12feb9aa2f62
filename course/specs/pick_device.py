"""Checks for pick_device: each branch (cuda, mps, cpu, a preference, a bad name) on pretended machines.

The run pretends a machine by replacing ``torch.cuda.is_available`` (and ``device_count``) and
``torch.backends.mps.is_available`` for the duration of one call, and puts the originals back after.
"""

from collections.abc import Iterator
from contextlib import contextmanager

import torch
from hypothesis import strategies as st

from grader.api import Agrees, Case, Raises

KNOWN = ("cpu", "cuda", "mps")
CUDA, MPS = "torch.cuda.is_available()", "torch.backends.mps.is_available()"
MACHINES = ((True, True), (True, False), (False, True), (False, False))  # (cuda, mps) available


@contextmanager
def pretend(cuda: bool, mps: bool) -> Iterator[None]:
    saved = torch.cuda.is_available, torch.cuda.device_count, torch.backends.mps.is_available
    torch.cuda.is_available = lambda: cuda
    torch.cuda.device_count = lambda: int(cuda)
    torch.backends.mps.is_available = lambda: mps
    try:
        yield
    finally:
        torch.cuda.is_available, torch.cuda.device_count, torch.backends.mps.is_available = saved


def run_on_machine(fn, case: Case):
    with pretend(case[CUDA], case[MPS]):
        return fn(*case.args, **case.kwargs)


def on(machine: tuple[bool, bool], prefer: str | None = None) -> Case:
    # shown under a failing input as "# torch.cuda.is_available() = True"
    setup = {CUDA: machine[0], MPS: machine[1]}
    return Case.of(setup=setup) if prefer is None else Case.of(prefer=prefer, setup=setup)


def _torch_accepts(name: str) -> bool:
    try:
        torch.device(name)
    except (RuntimeError, ValueError):
        return False
    return True


unknown_names = st.builds(
    on,
    st.sampled_from(MACHINES),
    st.text("abcdefghijklmnopqrstuvwxyzGPU:0", max_size=8).filter(
        lambda s: not (s in KNOWN or _torch_accepts(s))
    ),
)


CHECKS = (
    Agrees(
        name="picks_cuda_first",
        points=3,
        examples=(on((True, False)), on((True, True))),
        run=run_on_machine,
    ),
    Agrees(name="picks_mps_without_cuda", points=2, examples=(on((False, True)),), run=run_on_machine),
    Agrees(name="falls_back_to_cpu", points=2, examples=(on((False, False)),), run=run_on_machine),
    Agrees(
        name="prefer_cpu_forces_cpu",
        points=2,
        examples=tuple(on(m, "cpu") for m in MACHINES),
        run=run_on_machine,
    ),
    Agrees(
        name="uses_available_preference",
        points=2,
        examples=(on((True, True), "mps"), on((True, True), "cuda"), on((False, True), "mps")),
        run=run_on_machine,
    ),
    Agrees(
        name="falls_back_when_preference_missing",
        points=2,
        examples=(
            on((False, True), "cuda"),
            on((True, False), "mps"),
            on((False, False), "cuda"),
            on((False, False), "mps"),
        ),
        run=run_on_machine,
    ),
    Raises(
        name="rejects_unknown_names",
        points=2,
        error=ValueError,
        examples=(
            on((True, True), "gpu"),
            on((False, False), "GPU"),
            on((True, False), "tpu"),
            on((False, False), "CPU"),
        ),
        cases=unknown_names,
        run=run_on_machine,
        max_examples=15,
    ),
)
