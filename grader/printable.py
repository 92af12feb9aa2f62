"""Learner text made printable: what a report shows can never drive the reader's terminal.

A learner's exception message or printed output may hold control sequences: a submission cleared the
screen, drew a fake all-passed run and hid the real totals. :func:`printable` removes escape sequences
(CSI, OSC, DCS and the other ESC forms, in their 7-bit and C1 spellings), every other C0 or C1 control
but newline and tab (a carriage return overwrites a line), and the bidirectional overrides and isolates
that reorder what is shown. It is applied where learner text enters the report model
(:func:`grader.score.exercise_report`) and again by every report writer.
"""

from __future__ import annotations

import re
from typing import Any

_SEQUENCES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"  # CSI: parameters, intermediates, final byte
    # OSC, DCS, SOS, PM, APC: to their terminator, or (unterminated) to the end of the line, never further
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"  # any other escape: intermediates, then a final byte
)
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(value: Any) -> Any:
    """``value`` without control sequences: a string, or each string inside lists, tuples and dicts."""
    if isinstance(value, str):
        return _CONTROLS.sub("", _SEQUENCES.sub("", value))
    if isinstance(value, dict):
        return {printable(k): printable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(printable(v) for v in value) if type(value) in (list, tuple) else value
    return value
