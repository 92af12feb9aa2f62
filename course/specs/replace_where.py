"""Checks for replace_where: value where masked, x elsewhere, a new tensor, and x left untouched."""

import torch
from hypothesis import strategies as st

from grader.api import Agrees, Case, ramp
from grader.api import strategies as gs

DTYPES = (torch.float32, torch.float64, torch.int64, torch.int32)


def _value(dtype: torch.dtype) -> st.SearchStrategy:
    if dtype.is_floating_point:
        return st.floats(-100, 100, allow_nan=False, width=32)
    return st.integers(-100, 100)


@st.composite
def masked(draw, mask_fill: bool | None = None):
    shape = draw(gs.shapes(max_dims=3))
    dtype = draw(gs.dtypes(DTYPES))
    x = draw(gs.tensors(shape, dtype))
    if mask_fill is None:
        mask = draw(gs.tensors(shape, torch.bool))
    else:
        mask = torch.full(shape, mask_fill, dtype=torch.bool)
    return Case.of(x=x, mask=mask, value=draw(_value(dtype)))


def _m(*rows) -> torch.Tensor:
    return torch.tensor(rows, dtype=torch.bool)


CHECKS = (
    Agrees(
        name="matches_reference",
        points=4,
        examples=(
            Case.of(x=ramp(2, 3), mask=_m([True, False, True], [False, False, True]), value=-1.0),
            Case.of(x=ramp(2, 2, dtype=torch.int64), mask=_m([False, True], [True, False]), value=9),
        ),
        cases=masked(),
    ),
    Agrees(
        name="leaves_x_untouched",
        points=3,
        examples=(
            Case.of(x=ramp(3), mask=_m(True, False, True), value=0.0),
            Case.of(x=ramp(2, 2, dtype=torch.float64), mask=_m([True, True], [True, True]), value=5.0),
        ),
        cases=masked(mask_fill=True),
    ),
    Agrees(
        name="returns_new_tensor",
        points=2,
        examples=(
            Case.of(x=ramp(2, 3), mask=torch.zeros(2, 3, dtype=torch.bool), value=1.0),
            Case.of(x=ramp(), mask=torch.tensor(False), value=0.0),
            Case.of(x=ramp(0, 2), mask=torch.zeros(0, 2, dtype=torch.bool), value=1.0),
        ),
        cases=masked(mask_fill=False),
    ),
)
