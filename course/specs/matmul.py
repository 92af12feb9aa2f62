"""Checks for matmul: the product in float64 and float32, empty sides, and ValueError on bad shapes.

Sizes are mostly different (a transposed factor changes the shape) and often a corner: a square factor,
an inner size equal to an outer one, a side of 1 or 0.
"""

import torch
from hypothesis import strategies as st

from grader.api import Agrees, Case, Raises, ramp
from grader.api import strategies as gs


@st.composite
def products(draw, min_size: int = 0):
    n, k, m = draw(gs.sizes(3, min_size=min_size, max_size=6))
    return Case.of(a=draw(gs.tensors((n, k), torch.float64)), b=draw(gs.tensors((k, m), torch.float64)))


@st.composite
def whole_number_products_f32(draw):
    """float32 inputs holding whole numbers: every partial sum is exact, so any summation order agrees."""
    n, k, m = draw(gs.sizes(3, min_size=1, max_size=6))
    a = draw(gs.tensors((n, k), torch.int64, low=-9, high=9)).to(torch.float32)
    b = draw(gs.tensors((k, m), torch.int64, low=-9, high=9)).to(torch.float32)
    return Case.of(a=a, b=b)


@st.composite
def mismatched(draw):
    n, k, k2, m = draw(st.lists(st.integers(0, 5), min_size=4, max_size=4).filter(lambda s: s[1] != s[2]))
    dtype = draw(gs.dtypes(gs.FLOAT_DTYPES))
    return Case.of(a=draw(gs.tensors((n, k), dtype)), b=draw(gs.tensors((k2, m), dtype)))


_t = ramp


CHECKS = (
    Agrees(
        name="matches_reference",
        points=5,
        examples=(
            Case.of(a=_t(2, 3, dtype=torch.float64), b=_t(3, 4, dtype=torch.float64)),
            Case.of(a=_t(1, 1, dtype=torch.float64), b=_t(1, 1, dtype=torch.float64)),
            # square factors (n == k, k == m, all three equal): a transposed one has the same shape
            Case.of(a=_t(2, 2, dtype=torch.float64), b=_t(2, 3, dtype=torch.float64)),
            Case.of(a=_t(3, 2, dtype=torch.float64), b=_t(2, 2, dtype=torch.float64)),
            Case.of(a=_t(3, 3, dtype=torch.float64), b=_t(3, 3, dtype=torch.float64) - 4),
            Case.of(a=_t(2, 3, dtype=torch.float64), b=_t(3, 2, dtype=torch.float64)),  # n == m
        ),
        cases=products(),
    ),
    Agrees(
        name="keeps_float32",
        points=2,
        examples=(Case.of(a=_t(3, 2), b=_t(2, 4)),),
        cases=whole_number_products_f32(),
    ),
    Agrees(
        name="handles_empty_sides",
        points=1,
        examples=(
            Case.of(a=_t(2, 0), b=_t(0, 3)),
            Case.of(a=_t(0, 3), b=_t(3, 2)),
            Case.of(a=_t(2, 3, dtype=torch.float64), b=_t(3, 0, dtype=torch.float64)),
        ),
    ),
    Raises(
        name="rejects_mismatched_inner_sizes",
        points=2,
        error=ValueError,
        examples=(
            Case.of(a=_t(2, 3), b=_t(2, 3)),
            Case.of(a=_t(3, 2), b=_t(3, 2)),
            Case.of(a=_t(2, 4), b=_t(3, 5)),
        ),
        cases=mismatched(),
    ),
)
