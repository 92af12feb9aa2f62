"""Checks for gather_pairs: one element per (row, col) pair, negative indices, IndexError out of range."""

import torch
from hypothesis import strategies as st

from grader.api import Agrees, Case, Raises, ramp
from grader.api import strategies as gs

DTYPES = (torch.float32, torch.float64, torch.int64)


def _index(values: list[int]) -> st.SearchStrategy[torch.Tensor]:
    """A 1-D int64 tensor holding ``values``, sometimes as a non-contiguous view."""
    t = torch.tensor(values, dtype=torch.int64)
    strided = torch.zeros(2 * len(values), dtype=torch.int64)
    strided[::2] = t
    return st.sampled_from((t, strided[::2]))


@st.composite
def pairs(draw, negative: bool = False, max_len: int = 8):
    r, c = draw(gs.sizes(2, min_size=1, max_size=6))
    m = draw(gs.tensors((r, c), gs.dtypes(DTYPES)))
    n = draw(st.integers(0, max_len))
    low_r, low_c = (-r, -c) if negative else (0, 0)
    rows = draw(st.lists(st.integers(low_r, r - 1), min_size=n, max_size=n))
    cols = draw(st.lists(st.integers(low_c, c - 1), min_size=n, max_size=n))
    return Case.of(m=m, rows=draw(_index(rows)), cols=draw(_index(cols)))


@st.composite
def out_of_range(draw):
    r, c = draw(gs.sizes(2, min_size=1, max_size=6))
    m = draw(gs.tensors((r, c), gs.dtypes(DTYPES)))
    n = draw(st.integers(1, 6))
    rows = draw(st.lists(st.integers(-r, r - 1), min_size=n, max_size=n))
    cols = draw(st.lists(st.integers(-c, c - 1), min_size=n, max_size=n))
    which, size = draw(st.sampled_from(((rows, r), (cols, c))))
    which[draw(st.integers(0, n - 1))] = draw(st.sampled_from((size, size + 1, -size - 1, 10 * size)))
    return Case.of(m=m, rows=draw(_index(rows)), cols=draw(_index(cols)))


def _i(*values: int) -> torch.Tensor:
    return torch.tensor(values, dtype=torch.int64)


CHECKS = (
    Agrees(
        name="matches_reference",
        points=5,
        examples=(
            Case.of(m=ramp(3, 4), rows=_i(0, 2, 1), cols=_i(1, 3, 3)),
            Case.of(m=ramp(2, 5, dtype=torch.int64), rows=_i(1, 1), cols=_i(0, 4)),
            # square: rows and cols swapped stay in range
            Case.of(m=ramp(3, 3), rows=_i(0, 2, 1, 2), cols=_i(1, 0, 1, 2)),
        ),
        cases=pairs(),
    ),
    Agrees(
        name="handles_negative_indices",
        points=2,
        examples=(
            Case.of(m=ramp(3, 4), rows=_i(-1, 0, -3), cols=_i(0, -1, -4)),
            Case.of(m=ramp(2, 3, dtype=torch.float64), rows=_i(0), cols=_i(-1)),
        ),
        cases=pairs(negative=True),
    ),
    Agrees(
        name="handles_no_pairs",
        points=1,
        examples=(
            Case.of(m=ramp(3, 4), rows=_i(), cols=_i()),
            Case.of(m=ramp(0, 2, dtype=torch.int64), rows=_i(), cols=_i()),
        ),
    ),
    Raises(
        name="rejects_out_of_range",
        points=2,
        error=IndexError,
        examples=(
            Case.of(m=ramp(3, 4), rows=_i(3), cols=_i(0)),
            Case.of(m=ramp(3, 4), rows=_i(0, 1), cols=_i(2, 4)),
            Case.of(m=ramp(3, 4), rows=_i(0), cols=_i(-5)),
        ),
        cases=out_of_range(),
    ),
)
