"""Sandboxed vs in-process grading of the whole reference tree, each a fresh `grader score` process.

    python benchmarks/sandbox_overhead.py [--runs 5] [--max-examples 30]

Fresh processes on purpose: a sandboxed run pays for its fork server (torch imported a second time, every
spec preloaded) and an in-process run for its own warm-up, as they do in CI. The two modes alternate, so
that drift in the machine's speed (large on shared virtual machines) hits both alike; each pair gives one
ratio, and the median of those ratios is the figure to quote.
"""

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def wall(extra: list[str], max_examples: int) -> float:
    command = [sys.executable, "-m", "grader.cli", "score", str(ROOT / "reference")]
    command += ["--max-examples", str(max_examples), *extra]
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--max-examples", type=int, default=30)
    args = parser.parse_args()
    pairs = []
    for run in range(args.runs):
        order = ["--in-process", None] if run % 2 == 0 else [None, "--in-process"]  # ABBA: no order bias
        times = {mode: wall([mode] if mode else [], args.max_examples) for mode in order}
        pairs.append((times["--in-process"], times[None]))
        print(f"run {run + 1}: in-process {pairs[-1][0]:.1f}s, sandboxed {pairs[-1][1]:.1f}s", flush=True)
    in_process, sandboxed = zip(*pairs, strict=True)
    ratios = sorted(s / i for i, s in pairs)
    print(
        f"in-process median {statistics.median(in_process):.1f}s,"
        f" sandboxed median {statistics.median(sandboxed):.1f}s"
    )
    print(f"sandboxed / in-process, per pair: {', '.join(f'{r:.2f}' for r in ratios)}")
    print(f"median ratio {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
