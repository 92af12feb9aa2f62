"""Checks for make_grid: values laid out row by row, the requested dtype, and sides of size 0."""

import torch
from hypothesis import strategies as st

from grader.api import Agrees, Case
from grader.api import strategies as gs

DTYPES = (torch.int64, torch.int32, torch.int16, torch.uint8, torch.float32, torch.float64, torch.float16)


@st.composite
def default_dtype_cases(draw):
    rows, cols = draw(gs.sizes(2, min_size=1, max_size=12))
    return Case.of(rows=rows, cols=cols)


@st.composite
def dtype_cases(draw):
    rows, cols = draw(gs.sizes(2, min_size=0, max_size=12))
    return Case.of(rows=rows, cols=cols, kwargs={"dtype": draw(gs.dtypes(DTYPES))})


CHECKS = (
    Agrees(
        name="matches_reference",
        points=5,
        examples=(
            Case.of(rows=2, cols=3),
            Case.of(rows=3, cols=2),
            Case.of(rows=1, cols=1),
            Case.of(rows=3, cols=3),  # square: i*rows + j has the right shape too
            Case.of(rows=1, cols=4),
            Case.of(rows=4, cols=1),
        ),
        cases=default_dtype_cases(),
    ),
    Agrees(
        name="uses_requested_dtype",
        points=3,
        examples=(
            Case.of(rows=2, cols=3, kwargs={"dtype": torch.float32}),
            Case.of(rows=3, cols=4, kwargs={"dtype": torch.int32}),
        ),
        cases=dtype_cases(),
    ),
    Agrees(
        name="handles_zero_sides",
        points=2,
        examples=(
            Case.of(rows=0, cols=0),
            Case.of(rows=0, cols=5),
            Case.of(rows=4, cols=0),
            Case.of(rows=0, cols=3, kwargs={"dtype": torch.float64}),
            Case.of(rows=2, cols=0, kwargs={"dtype": torch.uint8}),
        ),
    ),
)
