"""The learner's loop: ``grader watch`` (re-grade on save), ``grader hint``, ``grader progress``,
``grader reset``, and the welcome of a first run. In English and Chinese.

Everything here runs on the learner's own machine, for the learner: grading happens in a worker process
(:mod:`grader.learner.worker`) only so that code which loops forever, exits or crashes ends one verdict,
not the loop. Scores that count are ``grader score``'s, recomputed in CI.
"""
