"""Checks for flatten_batch: (B, rest) in row-major order; empty batches, 1-D and non-contiguous inputs."""

import torch
from hypothesis import strategies as st

from grader.api import Agrees, Case, ramp
from grader.api import strategies as gs

DTYPES = gs.dtypes((*gs.FLOAT_DTYPES, torch.int64, torch.uint8, torch.bool))


def _x(shape: st.SearchStrategy) -> st.SearchStrategy[Case]:
    return gs.cases(x=gs.tensors(shape, DTYPES))


# flattening may return a view of x where the memory allows it, as reshape does
CHECKS = (
    Agrees(
        name="matches_reference",
        points=4,
        fresh_output=False,
        examples=(Case.of(x=ramp(2, 3, 4)), Case.of(x=ramp(3, 1, 2, 2))),
        cases=_x(gs.shapes(min_dims=2, max_dims=5, min_side=1, max_side=4)),
    ),
    Agrees(
        name="handles_empty_batch",
        points=2,
        fresh_output=False,
        examples=(
            Case.of(x=ramp(0, 3, 4)),
            Case.of(x=ramp(0, 5)),
            Case.of(x=ramp(0)),
            Case.of(x=ramp(0, 0)),
            Case.of(x=ramp(3, 0, 2)),
        ),
        cases=_x(gs.shapes(min_dims=1, max_dims=4, min_side=0, max_side=3).filter(lambda s: 0 in s)),
    ),
    Agrees(
        name="handles_1d_input",
        points=2,
        fresh_output=False,
        examples=(Case.of(x=ramp(5)), Case.of(x=ramp(1))),
        cases=_x(gs.shapes(min_dims=1, max_dims=1, min_side=1, max_side=6)),
    ),
    Agrees(
        name="handles_non_contiguous_input",
        points=2,
        fresh_output=False,
        examples=(Case.of(x=ramp(4, 3).t()), Case.of(x=ramp(2, 3, 4).permute(2, 0, 1))),
        cases=gs.cases(
            x=gs.tensors(gs.shapes(min_dims=2, max_dims=4, min_side=2, max_side=4), DTYPES).filter(
                lambda t: not t.is_contiguous()
            )
        ),
    ),
)
