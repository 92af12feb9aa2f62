"""Checks for accuracy: share of rows whose first argmax equals the target, as a Python float.

n and c are mostly different (an argmax over the wrong dimension changes a shape), often equal or 1.
"""

import torch
from hypothesis import strategies as st

from grader.api import Agrees, Case, Holds, ramp, say, type_name
from grader.api import strategies as gs


@st.composite
def logits_and_targets(draw, ties: bool = False):
    n, c = draw(gs.sizes(2, min_size=1, max_size=8))
    if ties:  # a handful of scores: most rows have several maxima
        logits = draw(gs.tied_tensors((n, c), gs.dtypes(), values=(-1, 0, 1)))
    else:
        logits = draw(gs.tensors((n, c), gs.dtypes()))
    targets = draw(gs.tensors((n,), torch.int64, low=0, high=c - 1))
    return Case.of(logits=logits, targets=targets)


def _has_no_ties(case: Case) -> bool:
    logits = case["logits"]
    return bool(((logits == logits.amax(dim=1, keepdim=True)).sum(dim=1) == 1).all())


def run_as_float(fn, case: Case) -> float:
    """The learner's value as a float, so that a tensor result fails only ``returns_python_float``."""
    return float(fn(*case.args))


def is_python_float(case: Case, result: object) -> object:
    if isinstance(result, float):  # numpy.float64 is one
        return None
    return say(
        f"expected a Python float, got a {type_name(result)}: turn a 0-dim tensor into a number with .item()",
        f"应返回 Python float，实际返回了 {type_name(result)}：用 .item() 把 0 维张量变成数字",
    )


def _i(*values: int) -> torch.Tensor:
    return torch.tensor(values, dtype=torch.int64)


_t = ramp


CHECKS = (
    Agrees(
        name="matches_reference",
        points=5,
        run=run_as_float,
        examples=(
            Case.of(logits=_t(3, 2), targets=_i(1, 0, 1)),
            Case.of(logits=_t(2, 4).flip(1), targets=_i(0, 0)),
            Case.of(logits=_t(1, 1), targets=_i(0)),
            Case.of(logits=_t(3, 3) % 4, targets=_i(2, 0, 0)),  # square: an argmax over dim 0 fits too
            Case.of(logits=_t(3, 1), targets=_i(0, 0, 0)),  # one class
        ),
        cases=logits_and_targets().filter(_has_no_ties),  # ties have their own check
    ),
    Agrees(
        name="breaks_ties_by_first_index",
        points=3,
        run=run_as_float,
        examples=(
            Case.of(logits=torch.tensor([[1.0, 1.0, 0.0], [0.0, 2.0, 2.0]]), targets=_i(0, 1)),
            Case.of(logits=torch.zeros(3, 4), targets=_i(3, 0, 2)),
            Case.of(  # square, a tie in every row
                logits=torch.tensor([[0.0, 1.0, 1.0], [2.0, 2.0, 2.0], [1.0, 0.0, 1.0]]), targets=_i(1, 0, 0)
            ),
        ),
        cases=logits_and_targets(ties=True),
    ),
    Holds(
        name="returns_python_float",
        points=2,
        examples=(Case.of(logits=_t(3, 2), targets=_i(1, 0, 0)),),
        judge=is_python_float,
    ),
)
