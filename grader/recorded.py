"""Recorded expectations: what a withheld reference returned, so learners' local runs judge without it.

Where an instructor withholds a reference (the catalog's ``reference_shown`` is not true), ``grader
release`` runs it on each check's fixed examples and on a set of generated inputs and writes what it saw
into ``expected/<id>.json`` of the learners' course: plain data (JSON whose inputs and results are
:mod:`grader.sandbox.wire` messages in base64), never pickle. The engine then compares a learner's results
with these recordings; a check with no recording is reported "checked in CI only" (skipped, out of the
maximum), never passed. CI grades with the full reference from the instructor's material.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grader.cases import Case
from grader.catalog import Exercise
from grader.harness import LearnerError, Outcome
from grader.i18n import say

FOLDER = "expected"  # in a learners' course, beside catalog/, specs/ and reference/
FORMAT = 1
CI_ONLY = say(
    "checked in CI only: this check needs the instructor's reference on inputs chosen at grading time",
    "只在 CI 中检查：这项检查需要讲师的参考答案，输入在评分时才生成",
)


class RecordingError(ValueError):
    """A recording file is not what ``grader release`` writes; the message says what to do."""


@dataclass(frozen=True)
class Expectation:
    """One recorded call: the case, and the reference's outcome on it."""

    case: Case
    outcome: Outcome


@dataclass(frozen=True)
class Recording:
    """The recorded expectations of one exercise, by check name (a check not in it is CI only)."""

    exercise: Exercise
    checks: Mapping[str, tuple[Expectation, ...]]

    def observe(self, check: Any, case: Case) -> Outcome:
        """The reference's outcome for a check that does not judge against it (a ``Holds`` check judges
        the learner's result alone; ``Agrees`` and ``Raises`` are replayed, grader.runner)."""
        return Outcome()

    def close(self) -> None:
        """Nothing to release: stands where a loaded reference (grader.loader.Implementation) would."""


def path(course_root: Path, exercise: Exercise) -> Path:
    return Path(course_root) / FOLDER / f"{exercise.id}.json"


def dumps(exercise: Exercise, checks: Mapping[str, list[tuple[Case, Outcome]]]) -> str:
    """The recording file's text (sorted, stable: the same reference gives the same bytes)."""
    from grader.sandbox import wire

    def blob(value: Any) -> str:
        return base64.b64encode(wire.encode(value)).decode("ascii")

    data = {
        "format": FORMAT,
        "exercise": exercise.id,
        "checks": {
            name: [
                {
                    "case": blob({"args": list(case.named_args), "kwargs": case.kwargs, "setup": case.setup}),
                    **(
                        {"raises": outcome.error.type, "bases": list(outcome.error.bases)}
                        if outcome.error is not None
                        else {"value": blob(outcome.value), "aliased": list(outcome.aliased)}
                    ),
                }
                for case, outcome in recorded
            ]
            for name, recorded in sorted(checks.items())
        },
    }
    return json.dumps(data, indent=1, sort_keys=True) + "\n"


def load(exercise: Exercise, file: Path) -> Recording:
    """Read ``expected/<id>.json``; RecordingError when it is not a recording of this exercise."""
    from grader.sandbox import wire

    try:
        data = json.loads(Path(file).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("exercise") != exercise.id:
            raise RecordingError(f"{file}: not a format-{FORMAT} recording of {exercise.id}")
        checks = {}
        for name, entries in data["checks"].items():
            found = []
            for entry in entries:
                raw = wire.decode(base64.b64decode(entry["case"], validate=True))
                case = Case(
                    tuple((str(k), v) for k, v in raw["args"]), dict(raw["kwargs"]), dict(raw["setup"])
                )
                if "raises" in entry:
                    error = LearnerError(str(entry["raises"]), "", "", tuple(map(str, entry["bases"])))
                    outcome = Outcome(error=error)
                else:
                    value = wire.decode(base64.b64decode(entry["value"], validate=True))
                    outcome = Outcome(value=value, aliased=tuple(map(str, entry["aliased"])))
                found.append(Expectation(case, outcome))
            checks[str(name)] = tuple(found)
    except RecordingError:
        raise
    except (OSError, ValueError, KeyError, TypeError, AttributeError, binascii.Error) as e:
        raise RecordingError(
            f"{file}: unreadable recording of {exercise.id} ({e}); reinstall the course (pip install -r"
            " requirements.txt)"
        ) from None
    return Recording(exercise, checks)
