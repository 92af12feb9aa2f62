"""Checks for column_stats: the four per-column results, unbiased std, and first-max argmax on ties.

Shapes are mostly (rows, cols) of different sizes, and often a corner: square, one column. The statement
promises at least 1 column, so none is drawn without (a per-column loop ending in torch.stack failed on
no columns, a shape the learner was told never comes).
"""

import warnings

import torch
from hypothesis import strategies as st

from grader.api import Agrees, Case, Holds, Msg, Tolerance, call, ramp, say
from grader.api import strategies as gs

# a correct formula (sum / n, sqrt of squared deviations / (n - 1)) differs from torch's by a few ulps
TOL = Tolerance(rtol=1e-5, atol=1e-5)
NAMES = ("mean", "std", "max", "argmax")


def _rows_cols(draw) -> tuple[int, int]:
    rows, cols = draw(gs.sizes(2, min_size=(2, 1), max_size=7))
    return rows, cols


@st.composite
def matrices(draw):
    return Case.of(x=draw(gs.tensors(_rows_cols(draw), gs.dtypes(gs.FLOAT_DTYPES))))


@st.composite
def matrices_with_ties(draw):
    """Small whole numbers, so each column's maximum often appears in several rows."""
    return Case.of(x=draw(gs.tied_tensors(_rows_cols(draw), gs.dtypes(gs.FLOAT_DTYPES))))


def quiet(fn, case: Case):
    """Call without torch's "degrees of freedom <= 0" warning, which std over no columns gives."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return call(fn, case)


def only(name: str):
    """Run the exercise and keep one of the four results, so the check names what it is about."""
    i = NAMES.index(name)

    def run(fn, case: Case):
        out = quiet(fn, case)
        if isinstance(out, tuple | list) and len(out) == len(NAMES):
            return {name: out[i]}
        return out  # not a 4-tuple: the comparison reports its type

    return run


def right_dtypes(case: Case, out) -> Msg | None:
    if not (isinstance(out, tuple) and len(out) == len(NAMES) and all(type(t) is torch.Tensor for t in out)):
        return say(
            "expected a tuple of four tensors (mean, std, max, argmax)",
            "应返回由四个张量组成的元组 (mean, std, max, argmax)",
        )
    want = (case["x"].dtype,) * 3 + (torch.int64,)
    got = tuple(t.dtype for t in out)
    if got == want:
        return None
    wrong = ", ".join(f"{n}: {g} (expected {w})" for n, g, w in zip(NAMES, got, want, strict=True) if g != w)
    wrong_zh = ", ".join(f"{n}：{g}（应为 {w}）" for n, g, w in zip(NAMES, got, want, strict=True) if g != w)
    return say(
        f"wrong dtypes: {wrong}; mean, std and max keep x's dtype, argmax is int64",
        f"dtype 不对：{wrong_zh}；mean、std、max 与 x 的 dtype 相同，argmax 为 int64",
    )


CHECKS = (
    Agrees(
        name="matches_reference",
        points=4,
        tol=TOL,
        run=quiet,
        examples=(
            Case.of(x=ramp(3, 2)),
            Case.of(x=ramp(2, 5, dtype=torch.float64)),
            Case.of(x=ramp(3, 3) % 4),  # square
            Case.of(x=ramp(4, 1, dtype=torch.float64)),  # one column
        ),
        cases=matrices(),
    ),
    Agrees(
        name="std_is_unbiased",
        points=2,
        tol=TOL,
        run=only("std"),
        examples=(
            Case.of(x=torch.tensor([[1.0, 0.0], [3.0, 4.0]])),
            Case.of(x=ramp(4, 3, dtype=torch.float64)),
        ),
        cases=matrices(),
    ),
    Agrees(
        name="argmax_picks_first_max",
        points=2,
        run=only("argmax"),
        examples=(
            Case.of(x=torch.tensor([[1.0, 3.0, 3.0], [3.0, 3.0, 1.0], [3.0, 0.0, 3.0]])),
            Case.of(x=torch.zeros(4, 2, dtype=torch.float64)),
            Case.of(x=torch.tensor([[0.0, 2.0], [2.0, 2.0], [2.0, 1.0]]).T.contiguous().T),
        ),
        cases=matrices_with_ties(),
    ),
    Holds(
        name="keeps_dtypes",
        points=2,
        examples=(Case.of(x=ramp(3, 2, dtype=torch.float64)), Case.of(x=ramp(2, 3))),
        cases=matrices(),
        run=quiet,
        judge=right_dtypes,
    ),
)
