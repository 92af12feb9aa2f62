"""grader.batch.patterns: wrong-output patterns and same-code fingerprints."""

from __future__ import annotations

from grader.batch import patterns

SOURCE = b'''"""My solution."""
import torch


def broadcast_add(a, b):
    # add them
    total = a + b
    return total
'''
RENAMED = b'''import torch

def broadcast_add(x,   y):
    """Docstring of my own."""
    s = x + y  # different comment
    return s
'''
OTHER = b"import torch\n\ndef broadcast_add(a, b):\n    return torch.add(a, b)\n"


def test_the_same_code_after_renaming_comments_and_layout_has_the_same_fingerprint():
    assert patterns.fingerprint(SOURCE) == patterns.fingerprint(RENAMED) is not None
    assert patterns.fingerprint(SOURCE) != patterns.fingerprint(OTHER)


def test_code_that_does_not_parse_has_no_fingerprint():
    assert patterns.fingerprint(b"def broken(:\n") is None
    assert patterns.fingerprint(b"\xff\xfe not utf-8") is None
    assert patterns.fingerprint(b"x = " + b"(" * 100_000 + b")" * 100_000) is None
    assert patterns.fingerprint(None) is None


def test_a_transposed_shape_is_named_and_values_are_left_out():
    message = "matmul (Matrix product) › matches\n    result: expected shape (2, 3), got (3, 2)\n    hint"
    assert patterns.wrong_output(message) == "result: transposed (expected shape (2, 3), got (3, 2))"
    other = "x › y\n    result: expected 3.5, got 4.25"
    assert (
        patterns.wrong_output(other)
        == patterns.wrong_output(other.replace("4.25", "9"))
        == ("result: expected #, got #")
    )


def test_same_code_lists_groups_and_leaves_out_untouched_stubs():
    def row(learner, fingerprint, status="passed"):
        exercise = {"fingerprint": fingerprint, "status": status, "score": 10}
        return {"learner": learner, "exercises": {"broadcast_add": exercise}}

    rows = [
        row("a", "f1"),
        row("b", "f1"),
        row("c", "f2"),
        row("d", "stub", "not_started"),
        row("e", "stub", "not_started"),
    ]
    assert patterns.same_code(rows) == [{"exercise": "broadcast_add", "learners": ["a", "b"]}]
