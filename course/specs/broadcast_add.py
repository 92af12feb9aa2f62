"""Checks for broadcast_add: equals ``a + b``, broadcasts explicitly, raises ValueError when it cannot."""

import torch
from hypothesis import strategies as st

from grader.api import (
    Agrees,
    Case,
    Holds,
    ImplicitBroadcast,
    ImplicitBroadcastWatch,
    Msg,
    Raises,
    call,
    compare,
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


# bound when the spec loads, before any learner code
_WATCH, _REFUSED = ImplicitBroadcastWatch, ImplicitBroadcast


def run_watched(fn, case: Case) -> dict:
    """The learner's result, under a watch that refuses implicit broadcasting where it happens.

    This runs in the learner's process, where a record of what the watch saw would be the learner's to
    rewrite; an operation refused on the spot is not (the learner's code never got its result). What is
    sent back is raw: the refused op and shapes, or the result and what the watch did with an implicit
    broadcast after the call (it must still refuse it: a watch switched off by the learner's code does not).
    """
    with _WATCH(refuse=True):
        try:
            result = call(fn, case)
        except _REFUSED as refused:
            return {"refused": refused.args}
        try:
            torch.zeros(1, 2) + torch.zeros(2, 1)
            canary = "ran"
        except _REFUSED:
            canary = "refused"
    return {"result": result, "canary": canary}


def implicit_broadcast(op: str, shapes: str) -> Msg:
    return say(
        f"`{op}` was called with operands of shapes {shapes}: broadcast explicitly first"
        " (unsqueeze/reshape, then expand/repeat) so both operands have the same shape",
        f"`{op}` 的操作数形状为 {shapes}：请先显式广播（unsqueeze/reshape 再 expand/repeat），"
        "让两个操作数形状相同",
    )


WATCH_SWITCHED_OFF = say(
    "after your call the grader's watch no longer refused implicit broadcasting: your code switched it off",
    "你的代码调用之后，评分器对隐式广播的监视不再生效：你的代码把它关掉了",
)


def no_implicit_broadcast(case: Case, observed: dict) -> object:
    """Judged in the trusted process. Explicit broadcasting earns its points only with the right answer
    (doing nothing is not explicit), and only while the watch still refused implicit broadcasting."""
    refused = observed.get("refused")
    if refused is not None:
        op, shapes = (*refused, None, None)[:2] if isinstance(refused, tuple) else (refused, None)
        shapes = " & ".join(map(str, shapes)) if isinstance(shapes, tuple) else str(shapes)
        return implicit_broadcast(str(op), shapes)
    if observed.get("canary") != "refused":
        return WATCH_SWITCHED_OFF
    return compare(case["a"] + case["b"], observed.get("result"))


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
