"""Sandboxed vs in-process grading of the whole reference tree, each a fresh `grader score` process.

    python benchmarks/sandbox_overhead.py [--runs 3] [--max-examples 30]

Prints each run's wall time and the ratio of the medians. Fresh processes on purpose: a sandboxed run pays
for its fork server (torch imported a second time, every spec preloaded) and an in-process run for its
own warm-up, as they do in CI.
"""

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def wall(extra: list[str], max_examples: int) -> float:
    command = [
        sys.executable,
        "-m",
        "grader.cli",
        "score",
        str(ROOT / "reference"),
        "--max-examples",
        str(max_examples),
        *extra,
    ]
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--max-examples", type=int, default=30)
    args = parser.parse_args()
    times: dict[str, list[float]] = {"in-process": [], "sandboxed": []}
    for _ in range(args.runs):  # interleaved, so that drift in the machine's load hits both alike
        times["in-process"].append(wall(["--in-process"], args.max_examples))
        times["sandboxed"].append(wall([], args.max_examples))
    for mode, values in times.items():
        print(
            f"{mode:>10}: "
            + ", ".join(f"{v:.1f}s" for v in values)
            + f"  (median {statistics.median(values):.1f}s)"
        )
    ratio = statistics.median(times["sandboxed"]) / statistics.median(times["in-process"])
    print(f"sandboxed / in-process = {ratio:.2f}")


if __name__ == "__main__":
    main()
