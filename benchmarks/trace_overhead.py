"""What the forbidden-API gate's runtime trace costs: the whole reference tree graded in-process with the
trace on, then off, each run in a fresh process.

    python benchmarks/trace_overhead.py [--runs 5] [--max-examples 10] [--budget 0.10]

The reference tree is graded as a learner's tree would be: every exercise with a forbidden list has its
graded calls traced (the TorchFunctionMode, the recording wrappers, the canary; grader/gate/runtime.py),
although the references are exempt from the gate's verdict. "Off" loads the same files untraced. Only the
grading is timed (imports and process start-up are the same either way), and the one-time costs of the
trace (installing wrappers, torch's name tables) fall inside it. The process's CPU time is the figure (on
a shared machine the wall clock mostly measures the neighbours; both are printed), with torch on one
thread as in the sandbox's child (idle OpenMP workers spin and would add noise). On/off alternate in
ABBA order so that drift in the machine's speed hits both alike; each pair gives one ratio, and the median
is the figure to quote. Exit status 1 when the median overhead is above the budget (10%, issue #12).
"""

import argparse
import functools
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def grade(traced: bool, max_examples: int) -> dict[str, float]:
    """CPU and wall seconds to grade the whole reference tree in this process (the child's job)."""
    import torch

    from grader import course, loader, runner

    # one thread, as in the sandbox's child: idle OpenMP workers spin, and their CPU time is noise here
    torch.set_num_threads(1)
    if not traced:  # the same loader, told not to trace (as it loads the trusted reference)
        runner.load = functools.partial(loader.load, traced=False)
    settings = runner.Settings(max_examples=max_examples, seed=0)
    cpu, wall = time.process_time(), time.perf_counter()
    for exercise in course.active().exercises:
        result = runner.run_exercise(exercise, loader.reference_root(), settings)
        if result.status not in ("passed", "skipped"):  # a timed check on a busy machine: still timed
            print(f"note: {exercise.id} was graded {result.status}", file=sys.stderr)
    return {"cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall}


def fresh(traced: bool, max_examples: int) -> dict[str, float]:
    mode = "on" if traced else "off"
    command = [sys.executable, __file__, "--child", mode, "--max-examples", str(max_examples)]
    out = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--max-examples", type=int, default=10)
    parser.add_argument("--budget", type=float, default=0.10, help="largest median overhead that passes")
    parser.add_argument("--child", choices=("on", "off"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        sys.path.insert(0, str(ROOT))
        print(json.dumps(grade(args.child == "on", args.max_examples)))
        return 0
    ratios: dict[str, list[float]] = {"cpu": [], "wall": []}
    for run in range(args.runs):
        order = (True, False) if run % 2 == 0 else (False, True)  # ABBA: no order bias
        pair = {traced: fresh(traced, args.max_examples) for traced in order}
        for clock in ratios:
            ratios[clock].append(pair[True][clock] / pair[False][clock])
        on, off = pair[True], pair[False]
        print(
            f"run {run + 1}: trace on {on['cpu']:.2f}s CPU ({on['wall']:.2f}s wall),"
            f" off {off['cpu']:.2f}s CPU ({off['wall']:.2f}s wall)",
            flush=True,
        )
    for clock, values in ratios.items():
        print(f"on / off {clock} time, per pair: {', '.join(f'{r:.3f}' for r in sorted(values))}")
    # CPU time is the figure: on a shared machine, wall time mostly measures the neighbours
    overhead = statistics.median(ratios["cpu"]) - 1
    print(f"median overhead {overhead:+.1%} of CPU time (budget {args.budget:.0%})")
    return 0 if overhead <= args.budget else 1


if __name__ == "__main__":
    sys.exit(main())
