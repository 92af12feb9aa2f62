"""Checks for patchify: (C, H, W) -> (H/p * W/p, C*p*p), row-major grid, (C, p, p) patches, any dtype."""

import torch
from hypothesis import strategies as st

from grader.api import Agrees, Case, Raises, ramp
from grader.api import strategies as gs

DTYPES = gs.dtypes((*gs.FLOAT_DTYPES, torch.int64, torch.uint8, torch.bool))


def _case(img: torch.Tensor, p: int) -> Case:
    return Case.of(img=img, p=p)


@st.composite
def _images(draw: st.DrawFn, single_patch: bool = False, one_channel: bool = False) -> Case:
    """C, p, grid rows and grid columns mostly all different, so every ordering mistake changes the values;
    often a corner: a square grid (H == W), C == p, a side of 1 or an empty image."""
    if single_patch:
        (c, p), rows, cols = draw(gs.sizes(2, 2, 4)), 1, 1
    elif one_channel:
        c, (p, rows, cols) = 1, draw(gs.sizes(3, 1, 4))
    else:
        c, p, rows, cols = draw(gs.sizes(4, (0, 1, 0, 0), 5))
    return _case(draw(gs.tensors((c, rows * p, cols * p), DTYPES)), p)


@st.composite
def _not_divisible(draw: st.DrawFn) -> Case:
    p = draw(st.integers(2, 5))
    h, w = draw(st.tuples(st.integers(1, 9), st.integers(1, 9)).filter(lambda s: s[0] % p or s[1] % p))
    return _case(draw(gs.tensors((draw(st.integers(1, 3)), h, w), DTYPES)), p)


# reshape-like: the result may be a view of img where the memory allows it
CHECKS = (
    Agrees(
        name="matches_reference",
        points=5,
        fresh_output=False,
        examples=(_case(ramp(3, 4, 6), 2), _case(ramp(2, 9, 6), 3), _case(ramp(2, 4, 4), 2)),
        cases=_images(),
    ),
    Agrees(
        name="flattens_each_patch_in_c_p_p_order",
        points=3,
        fresh_output=False,
        examples=(_case(ramp(3, 2, 2), 2), _case(ramp(2, 3, 3), 3)),
        cases=_images(single_patch=True),
    ),
    Agrees(
        name="orders_patches_row_major",
        points=3,
        fresh_output=False,
        examples=(_case(ramp(1, 2, 3), 1), _case(ramp(1, 4, 6), 2), _case(ramp(1, 6, 6), 2)),
        cases=_images(one_channel=True),
    ),
    Raises(
        name="rejects_p_that_does_not_divide",
        points=2,
        error=ValueError,
        examples=(
            _case(ramp(3, 4, 6), 4),
            _case(ramp(3, 6, 4), 4),
            _case(ramp(1, 5, 5), 2),
            _case(ramp(2, 2, 2), 3),
        ),
        cases=_not_divisible(),
    ),
    Agrees(
        name="keeps_dtype",
        points=1,
        fresh_output=False,
        examples=(
            _case(ramp(3, 4, 6, dtype=torch.uint8), 2),
            _case(ramp(3, 4, 6, dtype=torch.int64), 2),
            _case(ramp(3, 4, 6, dtype=torch.int64) % 3 == 0, 2),
            _case(ramp(3, 4, 6, dtype=torch.float64), 2),
        ),
    ),
    Agrees(
        name="handles_empty_images",
        points=1,
        fresh_output=False,
        examples=(
            *(_case(ramp(3, 0, 4), 2), _case(ramp(0, 4, 6), 2), _case(ramp(2, 0, 0), 3)),
            *(_case(ramp(1, 2, 0), 1), _case(ramp(1, 2, 1), 1)),  # no columns; one column
        ),
    ),
)
