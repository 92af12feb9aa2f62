"""The CUDA half of the timing work, in one short script for a machine with a GPU.

    python benchmarks/gpu_check.py          # about a minute on one GPU

1. Grades the CUDA timed checks on known submissions, in-process and then sandboxed (as grader score does:
   the child reaches the GPU from inside the sandbox's new root, the parent holds the clock and checks the
   digest), and prints each check's timing line:
   pairwise_sq_distances › cuda_faster_than_numpy (reference, the matmul formula, broadcasting, a Python
   loop, a side-stream version, a cache), time_on_device › cuda_agrees_with_grader_timer (reference,
   CUDA events, unsynchronised, warm-up counted).
2. Compares the grader's timer with triton.testing.do_bench (when triton imports) on the same kernel:
   the matmul formula at n = m = 4096, d = 128, and a torch.cuda._sleep kernel.
Exits 1 when an expectation below is not met, so the output says what to look at.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grader import course, timing  # noqa: E402
from grader.runner import Settings, run_exercise  # noqa: E402
from grader.sandbox import Sandbox  # noqa: E402

SUB = ROOT / "tests" / "submissions"
REF = ROOT / "reference" / "11_devices"

SIDE_STREAM = """
import torch

def pairwise_sq_distances(x, y):
    side = torch.cuda.Stream()
    side.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(side):
        out = ((x * x).sum(1, keepdim=True) + (y * y).sum(1) - 2 * x @ y.T).clamp_min(0)
    return out  # not waited for: only a device-wide synchronise times it
"""
EVENTS = (SUB / "time_on_device" / "right_sorted_middle.py").read_text()

CASES = [  # (exercise, check, label, source, expected status)
    (
        "pairwise_sq_distances",
        "cuda_faster_than_numpy",
        "reference",
        REF / "pairwise_sq_distances.py",
        "passed",
    ),
    (
        "pairwise_sq_distances",
        "cuda_faster_than_numpy",
        "matmul formula",
        SUB / "pairwise_sq_distances" / "right_expansion_clamped.py",
        "passed",
    ),
    (
        "pairwise_sq_distances",
        "cuda_faster_than_numpy",
        "broadcasting (n·m·d memory)",
        SUB / "pairwise_sq_distances" / "right_broadcast_difference.py",
        None,
    ),
    (
        "pairwise_sq_distances",
        "cuda_faster_than_numpy",
        "Python loop over rows",
        SUB / "pairwise_sq_distances" / "wrong_python_loop_over_rows.py",
        "failed",
    ),
    ("pairwise_sq_distances", "cuda_faster_than_numpy", "side stream", SIDE_STREAM, "passed"),
    (
        "pairwise_sq_distances",
        "cuda_faster_than_numpy",
        "cached result",
        SUB / "pairwise_sq_distances" / "wrong_caches_large_results.py",
        "failed",
    ),
    ("time_on_device", "cuda_agrees_with_grader_timer", "reference", REF / "time_on_device.py", "passed"),
    ("time_on_device", "cuda_agrees_with_grader_timer", "CUDA events", EVENTS, "passed"),
    (
        "time_on_device",
        "cuda_agrees_with_grader_timer",
        "unsynchronised",
        SUB / "time_on_device" / "cuda_wrong_unsynchronised.py",
        "failed",
    ),
    (
        "time_on_device",
        "cuda_agrees_with_grader_timer",
        "warm-up counted",
        SUB / "time_on_device" / "wrong_includes_warmup.py",
        "failed",
    ),
]


def grade(exercise_id: str, check: str, source: Path | str, sandbox: Sandbox | None = None):
    exercise = course.active().get(exercise_id)
    text = source.read_text(encoding="utf-8") if isinstance(source, Path) else source
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / exercise.relpath
        target.parent.mkdir(parents=True)
        target.write_text(text, encoding="utf-8")
        graded = run_exercise(exercise, Path(tmp), Settings(max_examples=1), only={check}, sandbox=sandbox)
    if not graded.checks:  # the exercise as a whole failed (a fault in the sandbox): say so
        raise RuntimeError(
            f"{exercise_id}: {graded.status}: {graded.problem and graded.problem.render('en')}"
        )
    (result,) = graded.checks
    return result


def against_do_bench() -> None:
    try:
        from triton.testing import do_bench
    except ImportError:
        print("triton is not importable: no do_bench comparison")
        return
    x, y = torch.randn(4096, 128, device="cuda"), torch.randn(4096, 128, device="cuda")

    def formula() -> torch.Tensor:
        return ((x * x).sum(1, keepdim=True) + (y * y).sum(1) - 2 * x @ y.T).clamp_min(0)

    def sleep() -> None:
        torch.cuda._sleep(4_000_000)

    for name, fn in (("matmul formula 4096x4096x128", formula), ("torch.cuda._sleep(4e6)", sleep)):
        ours = statistics.median(
            timing.median_time(fn, device="cuda", warmup=5, repeats=50) for _ in range(3)
        )
        theirs = do_bench(fn, return_mode="median") / 1e3  # do_bench: ms, flushing L2 between calls
        print(
            f"{name}: grader {ours * 1e3:.4f} ms, do_bench {theirs * 1e3:.4f} ms, ratio {ours / theirs:.3f}"
        )


def main() -> int:
    if not torch.cuda.is_available():
        print("no CUDA GPU here: nothing to check")
        return 1
    threads = torch.get_num_threads()
    print(f"device: {torch.cuda.get_device_name()} · torch {torch.__version__} · CPU threads {threads}")
    unmet = []
    with Sandbox() as sandbox:
        print(f"sandbox: {sandbox.plan.level} · {sandbox.plan.mechanisms()['cgroup']}")
        for where, box in (("in-process", None), ("sandboxed", sandbox)):
            for exercise_id, check, label, source, wanted in CASES:
                try:
                    result = grade(exercise_id, check, source, box)
                except RuntimeError as e:
                    unmet.append(f"{where} {label}: {e}")
                    continue
                line = timing.describe(result.timing) if result.timing else ""
                problem = result.failure.problem.render("en").splitlines()[0] if result.failure else ""
                print(f"[{where}] {exercise_id} › {check} · {label}: {result.status}\n    {line or problem}")
                if wanted is not None and result.status != wanted:
                    unmet.append(f"{where} {label}: expected {wanted}, got {result.status}")
    against_do_bench()
    print("\n".join(["unmet expectations:", *unmet]) if unmet else "every expectation met")
    return 1 if unmet else 0


if __name__ == "__main__":
    raise SystemExit(main())
