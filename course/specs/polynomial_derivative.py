"""Checks for polynomial_derivative: the by-hand f'(x) agrees with autograd's, at 0 and for short coeffs."""

import torch
from hypothesis import strategies as st

from grader.api import Agrees, Case, Tolerance
from grader.api import strategies as gs


@st.composite
def polynomial_cases(draw, dtype: torch.dtype = torch.float64, integers: bool = False) -> Case:
    """0 to 6 coefficients and x of any shape; with ``integers``, x is integer-valued (0 is likely)."""
    coeffs = draw(gs.tensors((draw(st.integers(0, 6)),), dtype, low=-5, high=5))
    shape = gs.shapes(max_dims=3, max_side=4)
    if integers:
        x = draw(gs.tensors(shape, torch.int64, low=-2, high=2)).to(dtype)
    else:
        x = draw(gs.tensors(shape, dtype, low=-3, high=3))
    return Case.of(coeffs=coeffs, x=x)


def _t(*values: float, dtype: torch.dtype = torch.float64) -> torch.Tensor:
    return torch.tensor(values, dtype=dtype)


CHECKS = (
    Agrees(
        name="matches_autograd",
        points=5,
        examples=(
            Case.of(coeffs=_t(1.0, 2.0, 3.0), x=_t(-1.0, 0.5, 2.0)),  # f' = 2 + 6x
            Case.of(
                coeffs=_t(0.0, 0.0, 0.0, 1.0), x=torch.tensor([[1.0, -2.0], [3.0, 0.5]], dtype=torch.float64)
            ),
            Case.of(coeffs=_t(4.0, -1.0), x=torch.tensor(2.5, dtype=torch.float64)),
        ),
        cases=polynomial_cases(),
    ),
    Agrees(
        name="handles_x_equal_to_zero",
        points=2,
        examples=(
            Case.of(coeffs=_t(1.0, 2.0, 3.0), x=_t(0.0, 1.0)),
            Case.of(coeffs=_t(5.0, 0.0, 0.0, 2.0), x=_t(-1.0, 0.0, 1.0)),
        ),
        cases=polynomial_cases(integers=True),
        max_examples=15,
    ),
    Agrees(
        name="handles_constant_and_empty_polynomials",
        points=2,
        examples=(
            Case.of(coeffs=_t(3.0), x=_t(-1.0, 0.0, 2.0)),
            Case.of(coeffs=_t(), x=_t(-1.0, 0.0, 2.0)),
            Case.of(coeffs=_t(1.0, 2.0), x=torch.empty(0, 3, dtype=torch.float64)),
        ),
    ),
    Agrees(
        name="works_in_float32",
        points=1,
        # float32 rounding of terms up to 5·5·3^4; a wrong formula is off by far more
        tol=Tolerance(rtol=1e-5, atol=1e-3),
        examples=(
            Case.of(coeffs=_t(1.0, 2.0, 3.0, dtype=torch.float32), x=_t(-1.0, 0.0, 2.0, dtype=torch.float32)),
        ),
        cases=polynomial_cases(torch.float32),
        max_examples=15,
    ),
)
