"""Checks for to_channels_last: out[n, h, w, c] == x[n, c, h, w], any dtype, empty batches."""

import torch
from hypothesis import strategies as st

from grader.api import Agrees, Case, ramp
from grader.api import strategies as gs

DTYPES = gs.dtypes((*gs.FLOAT_DTYPES, torch.int64, torch.uint8, torch.bool))


@st.composite
def _images(draw: st.DrawFn) -> Case:
    # N, C, H, W mostly all different, so any wrong order of dimensions changes the shape; else a corner
    # (square images, C equal to H, a side of 1 or 0) where a wrong order keeps the shape
    n, c, h, w = draw(gs.sizes(4, 0, 5))
    return Case.of(x=draw(gs.tensors((n, c, h, w), DTYPES)))


# a permuted view of x is a legitimate answer (it is what permute returns)
CHECKS = (
    Agrees(
        name="matches_reference",
        points=6,
        fresh_output=False,
        examples=(
            Case.of(x=ramp(1, 2, 3, 4)),
            Case.of(x=ramp(2, 3, 4, 5)),
            Case.of(x=ramp(2, 3, 4, 4)),  # square images: H and W swapped keeps the shape
            Case.of(x=ramp(2, 3, 3, 4)),  # C == H
            Case.of(x=ramp(2, 1, 3, 4)),  # one channel
        ),
        cases=_images(),
    ),
    Agrees(
        name="keeps_dtype",
        points=2,
        fresh_output=False,
        examples=(
            Case.of(x=ramp(2, 3, 4, 5, dtype=torch.uint8)),
            Case.of(x=ramp(2, 3, 4, 5, dtype=torch.int64)),
            Case.of(x=ramp(2, 3, 4, 5, dtype=torch.int64) % 3 == 0),
        ),
    ),
    Agrees(
        name="handles_empty_tensors",
        points=2,
        fresh_output=False,
        examples=(Case.of(x=ramp(0, 3, 4, 5)), Case.of(x=ramp(2, 3, 0, 4)), Case.of(x=ramp(2, 0, 4, 5))),
    ),
)
