"""Checks for standardize: (x - mean) / (std + 1e-5) over ``dim``, population std, any sign of ``dim``."""

import warnings

import torch
from hypothesis import strategies as st

from grader.api import Agrees, Case, Tolerance, ramp
from grader.api import strategies as gs

F64 = torch.float64


@st.composite
def _x_and_dim(draw: st.DrawFn, dtype: torch.dtype = F64, sign: str = "any", integral: bool = False) -> Case:
    """Mostly distinct sizes per dimension, so statistics lined up with the wrong dimension change the
    shape; often equal sizes (where they keep it) or a size of 1; sometimes x is constant along ``dim``."""
    ndim = draw(st.integers(1, 4))
    shape = draw(gs.sizes(ndim, 1, 5))
    low, high = {"any": (-ndim, ndim - 1), "negative": (-ndim, -1)}[sign]
    dim = draw(st.integers(low, high))
    x = draw(gs.tensors(shape, dtype))
    if draw(st.sampled_from(("drawn", "drawn", "drawn", "constant"))) == "constant":
        # repeated values: a spread of 0, where mean(x²) - mean(x)² can round below 0
        x = x.narrow(dim, 0, 1).expand(shape).clone()
    if integral:
        # whole numbers keep float32 statistics well conditioned: a constant slice then has an exact mean
        x.round_()
    return Case.of(x=x, dim=dim)


def _quiet(fn, case: Case):
    """Call without torch's "degrees of freedom <= 0" warning, which every reduction over 0 elements gives."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return fn(*case.args, **case.kwargs)


def _f64(*shape: int) -> torch.Tensor:
    return ramp(*shape, dtype=F64)


# float32 results may differ from the reference by the order of the sums, never by a wrong formula
F32_TOL = Tolerance(rtol=1e-4, atol=1e-4)

CHECKS = (
    Agrees(
        name="matches_reference",
        points=4,
        examples=(
            Case.of(x=_f64(2, 3), dim=1),
            Case.of(x=_f64(2, 3), dim=0),
            Case.of(x=_f64(3, 4, 5), dim=1),
            Case.of(x=_f64(6), dim=0),
            Case.of(x=_f64(3, 3) % 4, dim=0),  # square: the statistics of the other dimension fit too
            Case.of(x=_f64(2, 4, 4), dim=2),
        ),
        cases=_x_and_dim(),
    ),
    Agrees(
        name="accepts_negative_dim",
        points=2,
        examples=(Case.of(x=_f64(2, 3), dim=-1), Case.of(x=_f64(3, 4, 5), dim=-3)),
        cases=_x_and_dim(sign="negative"),
    ),
    Agrees(
        name="uses_population_std_plus_eps",
        points=2,
        examples=(
            # the same value everywhere: std is 0, so the eps keeps the result at 0 (not NaN)
            Case.of(x=torch.full((3, 4), 2.5, dtype=F64), dim=1),
            # constant rows whose mean(x²) - mean(x)² rounds below 0 (its square root is NaN)
            Case.of(x=torch.tensor([[0.1] * 3, [7.7] * 3, [2.5] * 3], dtype=F64), dim=1),
            # a spread far below 1e-5: where the eps goes (on std, not inside the sqrt) shows
            Case.of(x=torch.tensor([0.0, 1e-6, 2e-6, 3e-6], dtype=F64), dim=0),
            # divide by n, not n - 1
            Case.of(x=torch.tensor([[1.0, 2.0, 3.0, 4.0], [2.0, 4.0, 6.0, 8.0]], dtype=F64), dim=1),
            Case.of(x=_f64(4, 1), dim=-1),
        ),
    ),
    Agrees(
        name="keeps_float32",
        points=1,
        tol=F32_TOL,
        examples=(Case.of(x=ramp(3, 4), dim=0),),
        cases=_x_and_dim(torch.float32, integral=True),
    ),
    Agrees(
        name="handles_empty_tensors",
        points=1,
        run=_quiet,
        examples=(
            Case.of(x=torch.empty(0, 3, dtype=F64), dim=1),
            Case.of(x=torch.empty(3, 0, dtype=F64), dim=0),
            Case.of(x=torch.empty(0, 3, dtype=F64), dim=-2),
        ),
    ),
)
