"""Checks for broadcast_add: equals ``a + b``, broadcasts explicitly, raises ValueError when it cannot."""

import torch
from hypothesis import strategies as st

from grader.api import (
    Agrees,
    Case,
    Holds,
    ImplicitBroadcastWatch,
    Msg,
    Raises,
    call,
    compare,
    lines,
    ramp,
    say,
)
from grader.api import strategies as gs

DTYPES = gs.dtypes((*gs.FLOAT_DTYPES, torch.int64))


@st.composite
def broadcastable_pairs(draw, max_side: int = 4):
    shape_a, shape_b = draw(gs.broadcastable_shapes(max_side=max_side))
    dtype = draw(DTYPES)
    return Case.of(a=draw(gs.tensors(shape_a, dtype)), b=draw(gs.tensors(shape_b, dtype)))


@st.composite
def incompatible_pairs(draw):
    shape_a, shape_b = draw(gs.incompatible_shapes())
    return Case.of(a=draw(gs.tensors(shape_a)), b=draw(gs.tensors(shape_b)))


def run_watched(fn, case: Case) -> dict:
    with ImplicitBroadcastWatch() as watch:
        result = call(fn, case)
    return {"result": result, "implicit": watch.violations}


def implicit_broadcast(op: str, shapes: str) -> Msg:
    return say(
        f"`{op}` was called with operands of shapes {shapes}: broadcast explicitly first"
        " (unsqueeze/reshape, then expand/repeat) so both operands have the same shape",
        f"`{op}` 的操作数形状为 {shapes}：请先显式广播（unsqueeze/reshape 再 expand/repeat），"
        "让两个操作数形状相同",
    )


def no_implicit_broadcast(case: Case, observed: dict) -> object:
    """Explicit broadcasting earns its points only with the right answer (doing nothing is not explicit)."""
    violations = observed["implicit"]
    if violations:
        return lines([implicit_broadcast(op, " & ".join(map(str, shapes))) for op, shapes in violations[:3]])
    return compare(case["a"] + case["b"], observed["result"])


_t = ramp


CHECKS = (
    Agrees(
        name="matches_a_plus_b",
        points=4,
        examples=(
            Case.of(a=_t(2, 3), b=_t(3)),
            Case.of(a=_t(4, 1), b=_t(1, 5)),
            Case.of(a=_t(), b=_t(2, 2)),
            Case.of(a=_t(0, 3), b=_t(1, 3)),
            Case.of(a=_t(3, 3), b=_t(3, 1)),  # square: aligning from the left fits too
            # adding zeros still makes a new tensor: the result may not be `a` or a view of it
            Case.of(a=_t(2, 3), b=torch.zeros(3)),
        ),
        cases=broadcastable_pairs(),
    ),
    Holds(
        name="broadcasts_explicitly",
        points=3,
        examples=(Case.of(a=_t(2, 3), b=_t(3)), Case.of(a=_t(3, 1), b=_t(1, 2))),
        cases=broadcastable_pairs(),
        run=run_watched,
        judge=no_implicit_broadcast,
    ),
    Raises(
        name="rejects_incompatible_shapes",
        points=2,
        error=ValueError,
        examples=(Case.of(a=_t(2, 3), b=_t(2)),),
        cases=incompatible_pairs(),
    ),
)
