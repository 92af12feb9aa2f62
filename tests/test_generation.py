"""The same seed gives the same inputs whatever else was imported: Hypothesis's draw of constants found in
local modules (the grader's files, the learner's) is off (grader.generation)."""

import importlib.util
import sys
from pathlib import Path

from hypothesis import given, seed, settings
from hypothesis import strategies as st

from grader.generation import seed_alone


def draws() -> list[float]:
    seen: list[float] = []

    @settings(max_examples=300, database=None, derandomize=False)
    @seed(12345)
    @given(st.floats(-10, 10))
    def collect(x: float) -> None:
        seen.append(x)

    collect()
    return seen


def test_the_hook_is_where_this_hypothesis_keeps_it() -> None:
    assert seed_alone(), "Hypothesis moved its local-constants source: update grader/generation.py"


def test_a_newly_imported_local_module_does_not_change_the_inputs(tmp_path: Path) -> None:
    seed_alone()
    before = draws()
    module = tmp_path / "learner_constants.py"
    module.write_text("MAGIC = [5.625673793813656, 3.14159265358979, -7.77777777, 9.87654321]\n")
    spec = importlib.util.spec_from_file_location("learner_constants", module)
    sys.modules["learner_constants"] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sys.modules["learner_constants"])
    try:
        after = draws()
    finally:
        del sys.modules["learner_constants"]
    assert after == before
    assert 5.625673793813656 not in after
