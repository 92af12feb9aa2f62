"""Instructor tools: scaffold an exercise, prove the set sound, measure its checks, release it.

- :mod:`grader.authoring.scaffold` — ``grader new <chapter>/<id>``;
- :mod:`grader.authoring.soundness` — ``grader check``;
- :mod:`grader.authoring.mutants` and :mod:`grader.authoring.mutation` — ``grader check --mutants``;
- :mod:`grader.authoring.release` — ``grader release <out-dir>``;
- :mod:`grader.authoring.cli` — the three commands (``register`` adds them to ``grader``).
"""
