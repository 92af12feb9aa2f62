"""Imported once by the watch loop's fork server: torch, the grader and every spec of the course, and
the slow first calls of a grading (torch's, Hypothesis's, the gate's analysis), so that a worker forked
from it spends a save's time on the grading alone (:mod:`grader.learner.worker`)."""

import gc

from grader import course, feedback, runner, warmup  # noqa: F401
from grader.loader import reference_root

for _exercise in course.active().exercises:
    runner.load_checks(_exercise)

warmup.warm_up()
# a first grading: Hypothesis builds its strategies, torch its kernels, the gate its analyser
runner.run_exercise(course.active().exercises[0], reference_root(), runner.Settings(max_examples=3))
_gated = next((e for e in course.active().exercises if e.forbidden), None)
if _gated is not None:
    from grader.gate import static

    static.analyze_source("import torch\n\ndef f(a, b):\n    return a.matmul(b)\n", _gated.forbidden)

gc.collect()
gc.freeze()  # what is loaded lives as long as the server: keep it out of the workers' collections
