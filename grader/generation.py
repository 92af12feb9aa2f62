"""Inputs that depend on the seed alone.

Hypothesis (6.131 and later) also draws literals it finds in "local" modules: every module imported from
outside site-packages, which means the grader's own files in a checkout, the specs, and the learner's
submission. The same seed then gave different inputs depending on which modules happened to be imported
before (a test run's order, an editable install or not), and a submission could steer the grader's
inputs with literals of its own. :func:`seed_alone` turns that source off; Hypothesis's own constants
(boundary values, special floats) stay. It reaches into Hypothesis's internals, so the version is pinned
for the tests (constraints.txt) and tests/test_generation.py fails if the hook moves.
"""

from __future__ import annotations

from hypothesis.internal.conjecture import providers


def _no_local_constants() -> providers.Constants:
    return _NONE


_NONE = providers.Constants() if hasattr(providers, "Constants") else None


def seed_alone() -> bool:
    """Stop Hypothesis drawing constants out of local modules (idempotent). False where this Hypothesis
    has no such source (older than 6.131) or has moved it: tests/test_generation.py then fails."""
    if _NONE is None or not hasattr(providers, "_get_local_constants"):
        return False
    if providers._get_local_constants is not _no_local_constants:
        providers._get_local_constants = _no_local_constants
        providers.CONSTANTS_CACHE.cache.clear()
    return True
