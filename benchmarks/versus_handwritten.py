"""The grader against an instructor's own tests, on five exercises: is it as fast as tests written by hand?

    python benchmarks/versus_handwritten.py [--pairs 7] [--max-examples 100] [--budget 1.0]

Both sides run the reference implementations of broadcast_add, patchify, linear_regression_grads,
train_step and to_device as a fresh ``pytest`` process: the baseline is
``benchmarks/handwritten/test_five_exercises.py`` (one Hypothesis property test per exercise, 100 examples
each, no grader loaded), the grader is ``pytest reference/ -k <the five> --grader-max-examples 100``. They
alternate (ABBA) in this one process tree, so that drift in the machine's speed hits both alike; each pair
gives one ratio of wall times (grader / hand-written), and the median of those ratios is the figure to
quote. Peak memory is each process's own maximum resident set (``wait4``'s ``ru_maxrss``). Both run torch
on one thread (``OMP_NUM_THREADS=1``, as the grader's training specs do anyway): on a shared machine, idle
OpenMP workers spinning against a neighbour made the baseline's train_step test ten times slower.

Exit status 1 when the median ratio is above ``--budget`` (1.0: issue #19).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIVE = ("broadcast_add", "patchify", "linear_regression_grads", "train_step", "to_device")
HANDWRITTEN = ROOT / "benchmarks" / "handwritten" / "test_five_exercises.py"


def commands(max_examples: int) -> dict[str, list[str]]:
    pytest = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist"]
    return {
        # --noconftest: the checkout's conftest would load the grader's plugin into the baseline
        "hand-written": [*pytest, str(HANDWRITTEN), "--noconftest"],
        "grader": [
            *pytest,
            str(ROOT / "reference"),
            "-k",
            " or ".join(FIVE),
            "--grader-max-examples",
            str(max_examples),
        ],
    }


def measure(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of one run, which must pass."""
    started = time.perf_counter()
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed:\n{output.decode(errors='replace')}")
    return seconds, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=7)
    parser.add_argument("--max-examples", type=int, default=100)
    parser.add_argument("--budget", type=float, default=1.0, help="the largest median ratio that passes")
    args = parser.parse_args()
    runs = commands(args.max_examples)
    measured: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    ratios = []
    for pair in range(args.pairs):
        order = list(runs) if pair % 2 == 0 else list(reversed(runs))  # ABBA: no order bias
        for name in order:
            measured[name].append(measure(runs[name]))
        (hand, hand_mib), (grader, grader_mib) = measured["hand-written"][-1], measured["grader"][-1]
        ratios.append(grader / hand)
        print(
            f"pair {pair + 1}: hand-written {hand:.2f}s {hand_mib:.0f} MiB,"
            f" grader {grader:.2f}s {grader_mib:.0f} MiB, ratio {ratios[-1]:.2f}",
            flush=True,
        )
    for name, values in measured.items():
        walls, mibs = zip(*values, strict=True)
        wall, peak = statistics.median(walls), statistics.median(mibs)
        print(f"{name}: median wall {wall:.2f}s, median peak {peak:.0f} MiB")
    median = statistics.median(ratios)
    print(f"grader / hand-written, per pair: {', '.join(f'{r:.2f}' for r in sorted(ratios))}")
    print(f"median ratio {median:.2f} (budget {args.budget:.2f})")
    return 0 if median <= args.budget else 1


if __name__ == "__main__":
    sys.exit(main())
