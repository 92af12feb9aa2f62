"""What a course's specs may use of the engine: the one module they import from ``grader``.

A spec (``specs/<id>.py`` in a course) imports this module, its course's own helper modules (``specs/_*.py``,
by relative import), the standard library, numpy, torch and hypothesis; nothing else of ``grader``
(``tests/test_api.py`` checks every spec of the built-in course). Everything not listed in ``__all__`` is
the engine's own business and may change in any release; the sandbox keeps learner code away from every
``grader`` module that is not one this API comes from (``grader.sandbox.child.INTERNALS``).

    import torch
    from grader.api import Agrees, Case, ramp
    from grader.api import strategies as gs

    CHECKS = (
        Agrees(
            name="matches_reference",
            examples=(Case.of(a=ramp(2), b=ramp(3)),),
            cases=gs.cases(a=gs.tensors((2,)), b=gs.tensors((3,))),
        ),
    )

- checks: :class:`Agrees`, :class:`Raises`, :class:`Holds`, :class:`Races` (their common base
  :class:`Check`), and the :class:`Judgement` a ``Holds`` judge may return to say more than a message;
- inputs: :class:`Case`, :func:`ramp`, and the Hypothesis strategies of tensors in :mod:`strategies`
  (``gs.tensors``, ``gs.shapes``, ``gs.sizes``, ``gs.cases``, ...);
- comparing: :func:`compare`, :class:`Tolerance`, :data:`EXACT`, :func:`type_name`;
- running: :func:`call` (the default way a check calls the exercise), :class:`ImplicitBroadcastWatch`
  (``refuse=True``: implicit broadcasting raises :class:`ImplicitBroadcast` where it happens),
  :func:`read_values` and :func:`read_attribute` (a tensor's values as a NumPy array, its own
  attributes: read where the learner's code cannot rewrite them);
- timing: :func:`median_time`, :func:`device_name`;
- messages to the learner, in English and Chinese: :func:`say`, :func:`lines`, :class:`Msg`;
- data sets: :func:`digits_train`, :func:`digits_held_out`, :data:`DIGITS_CLASSES`.
"""

from __future__ import annotations

from grader import strategies
from grader.cases import Case, ramp
from grader.compare import EXACT, Tolerance, compare, type_name
from grader.datasets import DIGITS_CLASSES, digits_held_out, digits_train
from grader.guards import ImplicitBroadcast, ImplicitBroadcastWatch
from grader.harness import call, read_attribute, read_values
from grader.i18n import Msg, lines, say
from grader.spec import Agrees, Check, Holds, Judgement, Races, Raises
from grader.timing import device_name, median_time

__all__ = [
    "DIGITS_CLASSES",
    "EXACT",
    "Agrees",
    "Case",
    "Check",
    "Holds",
    "ImplicitBroadcast",
    "ImplicitBroadcastWatch",
    "Judgement",
    "Msg",
    "Races",
    "Raises",
    "Tolerance",
    "call",
    "compare",
    "device_name",
    "digits_held_out",
    "digits_train",
    "lines",
    "median_time",
    "ramp",
    "read_attribute",
    "read_values",
    "say",
    "strategies",
    "type_name",
]
