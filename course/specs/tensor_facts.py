"""Checks for tensor_facts: every fact, with exact Python types, for plain, grad and meta tensors."""

import torch
from hypothesis import strategies as st

from grader.api import Agrees, Case, ramp
from grader.api import strategies as gs

DTYPES = (torch.float32, torch.float64, torch.float16, torch.int64, torch.int32, torch.uint8, torch.bool)


@st.composite
def plain_tensors(draw):
    return Case.of(x=draw(gs.tensors(gs.shapes(max_dims=4), gs.dtypes(DTYPES))))


@st.composite
def grad_tensors(draw):
    x = draw(gs.tensors(gs.shapes(max_dims=3), gs.dtypes(gs.FLOAT_DTYPES)))
    return Case.of(x=x.requires_grad_(True))


@st.composite
def meta_tensors(draw):
    shape = draw(gs.shapes(max_dims=4, max_side=6))
    dtype = draw(gs.dtypes(DTYPES))
    grad = dtype.is_floating_point and draw(st.booleans())
    return Case.of(x=torch.empty(shape, dtype=dtype, device="meta", requires_grad=grad))


CHECKS = (
    Agrees(
        name="matches_reference",
        points=5,
        examples=(
            Case.of(x=ramp(2, 3)),
            Case.of(x=ramp()),
            Case.of(x=ramp(0, 4)),
            Case.of(x=ramp(3, 1, 2, dtype=torch.int64)),
            Case.of(x=torch.tensor([True, False])),
        ),
        cases=plain_tensors(),
    ),
    Agrees(
        name="handles_requires_grad",
        points=2,
        examples=(
            Case.of(x=ramp(2, 3).requires_grad_()),
            Case.of(x=ramp(dtype=torch.float64).requires_grad_()),
        ),
        cases=grad_tensors(),
    ),
    Agrees(
        name="handles_meta_device",
        points=3,
        examples=(
            Case.of(x=torch.empty(2, 3, device="meta")),
            Case.of(x=torch.empty((), dtype=torch.int64, device="meta")),
            Case.of(x=torch.empty(4, 0, dtype=torch.float64, device="meta", requires_grad=True)),
        ),
        cases=meta_tensors(),
    ),
)
