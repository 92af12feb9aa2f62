"""Does the timed CPU check separate vectorised from looped pairwise_sq_distances? Run it N times each.

    python benchmarks/separation.py [--runs 10] [--json out.json]

Grades only the check ``faster_than_python_loop`` (in-process, as ``pytest exercises/`` does) for the
reference, both right submissions and the Python-loop one, ``--runs`` times each, and prints each run's
status and speedup (median of per-pair ratios, with its IQR). Separation holds when every vectorised run
passes (or, never counted against anyone, is inconclusive) and every looped run fails.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grader import course  # noqa: E402
from grader.runner import Settings, run_exercise  # noqa: E402

CHECK = "faster_than_python_loop"
SUBMISSIONS = ROOT / "tests" / "submissions" / "pairwise_sq_distances"
CANDIDATES = {
    "reference (cdist)": (ROOT / "reference" / "11_devices" / "pairwise_sq_distances.py", "passed"),
    "right_expansion_clamped": (SUBMISSIONS / "right_expansion_clamped.py", "passed"),
    "right_broadcast_difference": (SUBMISSIONS / "right_broadcast_difference.py", "passed"),
    "wrong_python_loop_over_rows": (SUBMISSIONS / "wrong_python_loop_over_rows.py", "failed"),
}


def grade_once(source: Path) -> dict:
    exercise = course.active().get("pairwise_sq_distances")
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / exercise.relpath
        target.parent.mkdir(parents=True)
        target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        result = run_exercise(exercise, Path(tmp), Settings(max_examples=1, seed=0), only={CHECK})
    (check,) = result.checks
    return {"status": check.status, "timing": dict(check.timing or {})}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results: dict[str, list[dict]] = {}
    separated = True
    for name, (path, wanted) in CANDIDATES.items():
        runs = [grade_once(path) for _ in range(args.runs)]
        results[name] = runs
        ok = sum(r["status"] == wanted or (wanted == "passed" and r["status"] == "skipped") for r in runs)
        separated &= ok == args.runs
        speedups = ", ".join(f"{r['timing'].get('speedup', float('nan')):.1f}" for r in runs)
        iqrs = ", ".join("{:.0f}-{:.0f}".format(*r["timing"].get("spread", (0, 0))) for r in runs)
        statuses = sorted({r["status"] for r in runs})
        print(f"{name:<30} want {wanted:<6}: {ok}/{args.runs} {statuses}")
        print(f"    speedups {speedups}\n    IQRs {iqrs}")
    print(f"separated in every run: {separated}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0 if separated else 1


if __name__ == "__main__":
    raise SystemExit(main())
