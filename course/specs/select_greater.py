"""Checks for select_greater: strictly greater, row-major order, x's dtype, any shape (0-d and empty)."""

import torch
from hypothesis import strategies as st

from grader.api import Agrees, Case, ramp
from grader.api import strategies as gs

DTYPES = (torch.float32, torch.float64, torch.int64, torch.int32)


@st.composite
def tensors_and_thresholds(draw, shape=None):
    x = draw(gs.tensors(shape if shape is not None else gs.shapes(max_dims=3), gs.dtypes(DTYPES)))
    values = x.reshape(-1).tolist()
    # a threshold equal to an element of x tells `>` from `>=`. Float thresholds are float32 numbers: torch
    # compares a float32 x with the threshold rounded to float32, where -6e-87 is -0.0, and a correct answer
    # comparing exactly (NumPy in float64, a Python loop) disagreed; with float32 thresholds both agree.
    choices = [st.floats(-11, 11, allow_nan=False, width=32), st.integers(-11, 11)]
    if values:
        choices.append(st.sampled_from(values))
    return Case.of(x=x, threshold=draw(st.one_of(choices)))


@st.composite
def matrices_and_thresholds(draw):
    return draw(tensors_and_thresholds(gs.sizes(2, min_size=2, max_size=6)))


CHECKS = (
    Agrees(
        name="matches_reference",
        points=5,
        examples=(
            Case.of(x=ramp(2, 3), threshold=2.5),
            Case.of(x=ramp(2, 3, dtype=torch.int64), threshold=2),
            Case.of(x=ramp(3, dtype=torch.float64), threshold=-1.0),
        ),
        cases=tensors_and_thresholds(),
    ),
    Agrees(
        name="keeps_row_major_order",
        points=2,
        examples=(
            Case.of(x=ramp(3, 2).t(), threshold=0.5),
            Case.of(x=torch.tensor([[5.0, 1.0], [3.0, 9.0]]), threshold=2.0),
            Case.of(x=ramp(3, 3).t(), threshold=1.0),  # square: column-major order keeps the shape
        ),
        cases=matrices_and_thresholds(),
    ),
    Agrees(
        name="handles_0d_and_empty",
        points=2,
        examples=(
            Case.of(x=ramp(), threshold=1.0),
            Case.of(x=ramp(), threshold=8.0),
            Case.of(x=ramp(0, 3), threshold=0.0),
            Case.of(x=ramp(2, 3, dtype=torch.int32), threshold=100),
            Case.of(x=ramp(2, 3, dtype=torch.float64), threshold=100.0),
        ),
    ),
)
