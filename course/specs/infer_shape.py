"""Checks for infer_shape: resolve one -1 as torch.reshape does; ValueError wherever reshape would refuse."""

import math

from hypothesis import strategies as st

from grader.api import Agrees, Case, Raises
from grader.api import strategies as gs


def _case(numel: int, shape: tuple[int, ...]) -> Case:
    return Case.of(numel=numel, shape=shape)


def _with(draw: st.DrawFn, shape: tuple[int, ...], *values: int) -> tuple[int, ...]:
    """``shape`` with each of ``values`` inserted at a drawn position."""
    out = list(shape)
    for value in values:
        out.insert(draw(st.integers(0, len(out))), value)
    return tuple(out)


@st.composite
def _complete(draw: st.DrawFn) -> Case:
    shape = draw(gs.shapes(min_dims=0, max_dims=5, min_side=0, max_side=6))
    return _case(math.prod(shape), shape)


@st.composite
def _one_minus_one(draw: st.DrawFn) -> Case:
    known = draw(gs.shapes(min_dims=0, max_dims=4, min_side=1, max_side=6))
    inferred = draw(st.integers(0, 7))
    return _case(math.prod(known) * inferred, _with(draw, known, -1))


@st.composite
def _two_minus_ones(draw: st.DrawFn) -> Case:
    known = draw(gs.shapes(min_dims=0, max_dims=3, min_side=1, max_side=6))
    extra = draw(st.integers(2, 3))
    return _case(math.prod(known) * draw(st.integers(0, 4)), _with(draw, known, *([-1] * extra)))


@st.composite
def _size_below_minus_one(draw: st.DrawFn) -> Case:
    known = draw(gs.shapes(min_dims=0, max_dims=3, min_side=1, max_side=6))
    bad = draw(st.integers(-6, -2))
    # sometimes the bad size's magnitude makes the product fit, so only a real size check catches it
    numel = math.prod(known) * draw(st.sampled_from((abs(bad), 1, 0)))
    extra = (-1,) if draw(st.booleans()) else ()
    return _case(numel, _with(draw, known, bad, *extra))


@st.composite
def _does_not_fit(draw: st.DrawFn) -> Case:
    known = draw(gs.shapes(min_dims=0, max_dims=4, min_side=1, max_side=6))
    total = math.prod(known)
    if draw(st.booleans()):
        numel = draw(st.integers(0, 40).filter(lambda n: n != total))
        return _case(numel, known)
    numel = draw(st.integers(1, 40).filter(lambda n: n % total != 0)) if total > 1 else None
    if numel is None:
        return _case(draw(st.integers(0, 9)), _with(draw, known, -1, 0))
    return _case(numel, _with(draw, known, -1))


CHECKS = (
    Agrees(
        name="resolves_the_minus_one",
        points=4,
        examples=(
            _case(12, (3, -1)),
            _case(12, (-1,)),
            _case(12, (2, -1, 3)),
            _case(7, (-1, 1, 1)),
            _case(0, (2, -1)),
            _case(0, (-1,)),
            _case(18, (-1, 3, 3)),  # square
        ),
        cases=_one_minus_one(),
    ),
    Agrees(
        name="keeps_a_complete_shape",
        points=2,
        examples=(_case(6, (2, 3)), _case(1, ()), _case(0, (0,)), _case(0, (3, 0, 2)), _case(9, (3, 3))),
        cases=_complete(),
    ),
    Raises(
        name="rejects_two_minus_ones",
        points=1,
        error=ValueError,
        examples=(_case(6, (-1, -1)), _case(6, (-1, 2, -1)), _case(0, (-1, -1))),
        cases=_two_minus_ones(),
    ),
    Raises(
        name="rejects_sizes_below_minus_one",
        points=1,
        error=ValueError,
        examples=(_case(6, (-2, -3)), _case(3, (-3, -1)), _case(0, (-2, 0)), _case(4, (-2, 2))),
        cases=_size_below_minus_one(),
    ),
    Raises(
        name="rejects_sizes_that_do_not_fit",
        points=2,
        error=ValueError,
        examples=(_case(7, (2, -1)), _case(6, (4,)), _case(0, ()), _case(2, ())),
        cases=_does_not_fit(),
    ),
    Raises(
        name="rejects_a_minus_one_beside_a_zero",
        points=1,
        error=ValueError,
        examples=(_case(0, (0, -1)), _case(0, (-1, 0)), _case(5, (0, -1)), _case(0, (3, 0, -1))),
    ),
)
