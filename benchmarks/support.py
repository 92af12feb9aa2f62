"""Settings and helpers shared by the grader's own benchmarks (not unit tests: see README.md)."""

import os

from grader.loader import reference_root
from grader.runner import Settings

# fixed, so --benchmark-json files stay comparable between runs and machines
SEED = 0
MAX_EXAMPLES = int(os.environ.get("BENCH_MAX_EXAMPLES", "10"))
SETTINGS = Settings(max_examples=MAX_EXAMPLES, seed=SEED)


class ExampleCounter:
    """Counts this process's observations of the reference tree's code.

    In-process, grading the references, both sides of every example are counted (``sides=2``);
    sandboxed, the learner's side runs in the child, so only the reference's is (``sides=1``).
    """

    def __init__(self) -> None:
        self.count = 0

    def wrap(self, observe):
        reference = reference_root().resolve()

        def counting(run, impl, case, root=None, *rest):
            if root is not None and root.resolve() == reference:
                self.count += 1
            return observe(run, impl, case, root, *rest)

        return counting


def record(benchmark, counter: ExampleCounter, sides: int) -> None:
    """Examples graded and examples per second (from the benchmark's own mean time) in the JSON."""
    benchmark.extra_info["seed"] = SEED
    benchmark.extra_info["max_examples"] = MAX_EXAMPLES
    rounds = max(len(benchmark.stats.stats.data), 1) if benchmark.stats else 1
    per_round = counter.count / sides / rounds
    benchmark.extra_info["examples"] = per_round
    if benchmark.stats and benchmark.stats.stats.mean:
        benchmark.extra_info["examples_per_s"] = round(per_round / benchmark.stats.stats.mean, 1)
