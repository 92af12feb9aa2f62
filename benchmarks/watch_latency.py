"""Save-to-verdict time of ``grader watch``: from writing the exercise file to the verdict the loop draws.

    python benchmarks/watch_latency.py [--saves 20] [--exercise broadcast_add]

Runs the real loop (watchfiles, the worker's fork server, the rendering) on a copy of the exercises,
without a terminal, and saves a solution of one exercise again and again, alternating a right and a
wrong version (each save a new file; the right one is a sample submission's). Prints the median, the
90th percentile and the worst, and exits 1 when the median is over one second, the target at the local
profile.
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from rich.console import Console

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grader import course  # noqa: E402
from grader.learner.state import digest  # noqa: E402
from grader.learner.watch import Watch  # noqa: E402
from grader.profiles import LOCAL_EXAMPLES  # noqa: E402

WRONG = "\n# a wrong answer: the sum, not the result\n{entry} = lambda *args, **kwargs: 0\n"


class TimedWatch(Watch):
    """The loop, noting when each saved version gets its verdict."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.saved: dict[str, float] = {}
        self.took: list[float] = []
        self.verdict_for = threading.Event()

    def on_verdict(self, generation, index, verdict) -> None:
        super().on_verdict(generation, index, verdict)
        if verdict.digest in self.saved:
            self.took.append(time.perf_counter() - self.saved.pop(verdict.digest))
            self.verdict_for.set()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=20)
    parser.add_argument("--exercise", default="broadcast_add")
    args = parser.parse_args()
    exercise = course.active().get(args.exercise)
    samples = sorted((ROOT / "tests" / "submissions" / exercise.id).glob("right_*.py"))
    right = (samples[0] if samples else ROOT / "reference" / exercise.relpath).read_text()
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "exercises"
        shutil.copytree(ROOT / "exercises", tree)
        target = tree / exercise.relpath
        target.write_text(right)
        loop = TimedWatch(tree, "en", LOCAL_EXAMPLES, 0, console=Console(file=io.StringIO()), keys=False)
        index = [e.id for e in course.active().exercises].index(exercise.id)
        loop.view.current = index
        runner = threading.Thread(target=loop.run, daemon=True)
        runner.start()
        time.sleep(8)  # the fork server's imports, once, as when a learner starts the loop
        for k in range(args.saves):
            source = right + f"\n# save {k}\n" + (WRONG.format(entry=exercise.entry[0]) if k % 2 else "")
            loop.verdict_for.clear()
            loop.view.current = index  # a right answer moved the loop on to the next exercise: come back
            loop.saved[digest_of(source)] = time.perf_counter()
            target.write_text(source)
            if not loop.verdict_for.wait(30):
                print(f"save {k}: no verdict within 30 s")
                return 1
            time.sleep(0.3)
        loop.stop.set()
    took = sorted(loop.took)
    median, p90 = statistics.median(took), took[int(0.9 * (len(took) - 1))]
    print(f"{args.exercise}: {len(took)} saves, save-to-verdict median {median * 1e3:.0f} ms,")
    print(f"90th percentile {p90 * 1e3:.0f} ms, worst {took[-1] * 1e3:.0f} ms (target: median under 1 s)")
    return 0 if median < 1.0 else 1


def digest_of(source: str) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(source)
    try:
        return digest(Path(f.name))
    finally:
        Path(f.name).unlink()


if __name__ == "__main__":
    raise SystemExit(main())
