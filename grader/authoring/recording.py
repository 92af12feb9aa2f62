"""Record what a withheld reference returns, for the learners' course (read back by :mod:`grader.recorded`).

Only checks that judge against the reference are recorded (``Agrees``, ``Raises``; a ``Holds`` or a
``Races`` check needs no reference and runs as it is). Per check: its fixed examples, then ``GENERATED``
inputs its strategy draws from a fixed seed. A case is kept only when it survives the trip to plain data
exactly (same types, shapes, strides, dtypes, values: a function or a module as argument does not), so the
learner's code is called locally on the very input the reference saw. A check left with no case is not
recorded: locally it is "checked in CI only". Hidden checks are never recorded.
"""

from __future__ import annotations

from typing import Any

import hypothesis
import numpy as np
import torch
from hypothesis import HealthCheck, Phase

from grader import recorded
from grader.cases import Case
from grader.catalog import Exercise
from grader.harness import Outcome, identical
from grader.runner import load_checks, load_reference
from grader.spec import Agrees, Check, Raises

GENERATED = 40  # generated inputs per check, beside the fixed examples
SEED = 20240917  # fixed: the same course records the same inputs


def record(exercise: Exercise, generated: int = GENERATED) -> str:
    """The text of ``expected/<id>.json`` for this exercise (its reference must be at hand)."""
    reference = load_reference(exercise)
    checks: dict[str, list[tuple[Case, Outcome]]] = {}
    for check in load_checks(exercise):
        if check.hidden or not isinstance(check, Agrees | Raises) or check.requires is not None:
            continue
        kept = []
        for case in _cases(check, generated):
            outcome = reference.observe(check, case.clone())
            if outcome.error is not None and not isinstance(check, Raises):
                continue  # the reference refuses this input: the grader would report its own error
            if _survives(case) and _survives_value(outcome):
                kept.append((case, outcome))
        if kept:
            checks[check.name] = kept
    return recorded.dumps(exercise, checks)


def _cases(check: Check, generated: int) -> list[Case]:
    """The check's fixed examples, then ``generated`` cases drawn from its strategy with a fixed seed."""
    drawn: list[Case] = list(check.examples)
    if check.cases is None or generated <= 0:
        return drawn

    @hypothesis.settings(
        max_examples=generated,
        database=None,
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
        phases=(Phase.generate,),
    )
    @hypothesis.seed(SEED)
    @hypothesis.given(check.cases)
    def draw(case: Case) -> None:
        drawn.append(case.clone())

    with hypothesis.reporting.with_reporter(lambda *_: None):
        draw()
    return drawn


def _survives(case: Case) -> bool:
    from grader.sandbox import wire

    parts = {"args": list(case.named_args), "kwargs": case.kwargs, "setup": case.setup}
    try:
        back = wire.decode(wire.encode(parts))
    except (wire.WireError, ValueError, TypeError):
        return False
    return _same(back, parts)


def _survives_value(outcome: Outcome) -> bool:
    from grader.sandbox import wire

    if outcome.error is not None:
        return True
    try:
        back = wire.decode(wire.encode(outcome.value), wire.namedtuple_types(outcome.value))
    except (wire.WireError, ValueError, TypeError):
        return False
    return _same(back, outcome.value)


def _same(a: Any, b: Any) -> bool:
    """Exactly the same plain data: types, and for tensors their layout and bits too."""
    if type(a) is not type(b) and not (isinstance(a, tuple) and isinstance(b, tuple)):
        return False
    if isinstance(b, torch.Tensor):
        return (
            a.shape == b.shape
            and a.dtype == b.dtype
            and a.device == b.device
            and a.requires_grad == b.requires_grad
            and (a.stride() == b.stride() or a.numel() <= 1)
            and a.storage_offset() == 0 == b.storage_offset()
            and identical(a, b)
        )
    if isinstance(b, np.ndarray):
        return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()
    if isinstance(b, list | tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in b)
    if isinstance(b, float):
        return a == b or (a != a and b != b)
    return a == b


def coverage(exercise: Exercise, recording_text: str | None = None) -> tuple[list[str], list[str]]:
    """(the checks a learner's local run judges, the checks only CI judges) of one exercise, hidden
    checks aside (CI only, always). A shown reference judges every check locally; a withheld one, the
    checks that need no reference and those its recording holds (``recording_text``, else recorded now)."""
    import json

    checks = [c for c in load_checks(exercise) if not c.hidden]
    if exercise.reference_shown:
        return [c.name for c in checks], []
    held = json.loads(recording_text or record(exercise))["checks"]
    local = [c.name for c in checks if not isinstance(c, Agrees | Raises) or c.name in held]
    return local, [c.name for c in checks if c.name not in local]


def coverage_table(exercises: tuple[Exercise, ...]) -> str:
    """The Markdown table of what a learner's local run checks and what only CI checks, per exercise."""
    rows = [
        "| exercise | reference | checked locally | checked in CI only (besides hidden checks) |",
        "|---|---|---|---|",
    ]
    for exercise in exercises:
        local, ci = coverage(exercise)
        kind = "shown" if exercise.reference_shown else "withheld: recorded results"
        only_ci = ", ".join(f"`{c}`" for c in ci) or "—"
        rows.append(f"| `{exercise.id}` | {kind} | {len(local)} of {len(local) + len(ci)} | {only_ci} |")
    return "\n".join(rows) + "\n"


BLOCK = ("<!-- coverage: generated by grader.authoring.recording.coverage_table -->\n", "<!-- /coverage -->")


def with_table(text: str, table: str) -> str:
    """``text`` (docs/authoring.md) with the table between its coverage markers replaced by ``table``."""
    start, end = text.index(BLOCK[0]) + len(BLOCK[0]), text.index(BLOCK[1])
    return text[:start] + table + text[end:]


if __name__ == "__main__":  # python -m grader.authoring.recording docs/authoring.md: rewrite its table
    import sys
    from pathlib import Path

    from grader import course

    for name in sys.argv[1:]:
        doc = Path(name)
        table = coverage_table(course.active().exercises)
        doc.write_text(with_table(doc.read_text(encoding="utf-8"), table), encoding="utf-8")
