"""torch-grader: property-based grading for PyTorch exercises.

The public API for exercise authors lives in :mod:`grader.spec` (checks), :mod:`grader.strategies`
(Hypothesis strategies for tensors), :mod:`grader.cases` (Case), :mod:`grader.compare` (Tolerance) and
:mod:`grader.i18n` (messages); learners may import :mod:`grader.datasets`. Everything else is internal.
"""

__version__ = "0.1.0"
