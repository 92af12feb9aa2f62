"""grader batch's throughput and memory, on this machine: a script, run by hand (minutes).

    python benchmarks/batch_throughput.py                       # 50 and 200 submissions, ci profile
    python benchmarks/batch_throughput.py --sizes 10 --workers 2 --exercise broadcast_add

Generates N submissions (copies of the course's reference solutions: they use the library's own
functions, which the forbidden-API gate fails, so they score 0, but every other check runs in full, as
for a good submission), grades them with ``grader batch`` at the ``ci`` profile, and prints, per size:
submissions per minute (wall clock), CPU seconds per submission (the batch and its workers, sandboxes
included) and the peak resident memory of the batch's own process and of its largest worker (from
``getrusage``: the batch's memory must stay flat as N grows, the jobs are handed out a few at a time).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PEAK = """
import json, resource, runpy, sys
sys.argv = ["grader", *sys.argv[1:]]
try:
    runpy.run_module("grader.cli", run_name="__main__")
except SystemExit:
    pass
finally:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"batch_peak_mib": own.ru_maxrss / 1024, "worker_peak_mib": children.ru_maxrss / 1024}),
          file=sys.stderr)
"""


def make(root: Path, n: int) -> None:
    source = ROOT / "reference"
    for i in range(n):
        shutil.copytree(source, root / f"hw-learner{i:04}", ignore=shutil.ignore_patterns("__pycache__"))


def measure(n: int, workers: int, exercises: list[str], profile: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="batch-bench-") as tmp:
        root = Path(tmp) / "submissions"
        make(root, n)
        command = [sys.executable, "-c", PEAK, "batch", str(root), "--db", str(Path(tmp) / "g.sqlite"),
                   "--workers", str(workers), "--profile", profile, "--seed", "1"]  # fmt: skip
        for exercise in exercises:
            command += ["--exercise", exercise]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            sys.exit(f"grader batch failed:\n{done.stderr[-3000:]}")
        peaks = json.loads(done.stderr.strip().splitlines()[-1])
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return {
            "submissions": n,
            "workers": workers,
            "per_minute": round(60 * n / wall, 2),
            "cpu_s_per_submission": round(cpu / n, 2),
            "wall_s": round(wall, 1),
            **{k: round(v, 1) for k, v in peaks.items()},
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--exercise", action="append", default=[], help="only these (default: all 40)")
    parser.add_argument("--profile", default="ci")
    args = parser.parse_args()
    for n in args.sizes:
        print(json.dumps(measure(n, args.workers, args.exercise, args.profile)), flush=True)


if __name__ == "__main__":
    main()
