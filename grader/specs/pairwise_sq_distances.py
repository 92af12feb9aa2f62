"""Checks for pairwise_sq_distances: values, shape and dtype, empty inputs, and never a negative entry.

Speed (no Python loop over rows) is not judged here: the timed check comes with the timing work.
"""

import torch
from hypothesis import strategies as st

from grader import strategies as gs
from grader.cases import Case, ramp
from grader.compare import Tolerance
from grader.i18n import say
from grader.spec import Agrees, Holds

# |x|² + |y|² - 2·x·y (one matrix product) is a correct answer; its rounding error in float32 grows with
# |x|², so values stay in [-4, 4] here and the cancellation-prone inputs are judged separately below
TOL = Tolerance(rtol=1e-5, atol=1e-4)
OFFSETS = (10.0, 100.0, 1000.0)


@st.composite
def point_sets(draw):
    n, m, d = draw(gs.distinct_sizes(3, 1, 6))
    dtype = draw(gs.dtypes())
    return Case.of(
        x=draw(gs.tensors((n, d), dtype, low=-4, high=4)), y=draw(gs.tensors((m, d), dtype, low=-4, high=4))
    )


def _near_case(x: torch.Tensor, rows: list[int], jitter: torch.Tensor) -> Case:
    """y holds some of x's rows (identical points) and one row a hair away from another."""
    y = torch.cat([x[rows], x[rows[:1]] + jitter])
    return Case.of(x=x, y=y)


@st.composite
def near_points(draw):
    """Points far from the origin and close to each other: |x|² + |y|² - 2·x·y cancels badly there."""
    n, d = draw(st.integers(2, 5)), draw(st.integers(4, 16))
    dtype = draw(gs.dtypes())
    offset = draw(st.sampled_from(OFFSETS))
    x = offset + offset * draw(gs.tensors((n, d), dtype, low=0, high=1, layouts=False))
    rows = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=n))
    jitter = torch.full((1, d), 1e-3 * offset, dtype=dtype)
    return _near_case(x, rows, jitter)


def _fixed_near(seed: int, d: int, offset: float, dtype: torch.dtype = torch.float32) -> Case:
    g = torch.Generator().manual_seed(seed)
    x = offset + offset * torch.rand(5, d, generator=g, dtype=dtype)
    return _near_case(x, [2, 0], 1e-3 * torch.rand(1, d, generator=g, dtype=dtype))


def exact_and_scale(x: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    x64, y64 = x.detach().double(), y.detach().double()
    exact = ((x64[:, None, :] - y64[None, :, :]) ** 2).sum(-1)
    scale = (x64**2).sum(1)[:, None] + (y64**2).sum(1)[None, :]
    return exact, scale


def never_negative(case: Case, got) -> object:
    x, y = case["x"], case["y"]
    if not isinstance(got, torch.Tensor) or tuple(got.shape) != (len(x), len(y)):
        shape = tuple(got.shape) if isinstance(got, torch.Tensor) else type(got).__name__
        return say(
            f"expected a tensor of shape {(len(x), len(y))}, got {shape}",
            f"应返回形状为 {(len(x), len(y))} 的张量，实际得到 {shape}",
        )
    got64 = got.detach().double()
    if bool((got64 < 0).any()):
        i, j = (int(k) for k in (got64 < 0).nonzero()[0])
        return say(
            f"result[{i}, {j}] = {got64[i, j].item():.6g} is negative: a squared distance is never below 0"
            " (rounding in |x|² + |y|² - 2·x·y can make it so; clamp at 0)",
            f"result[{i}, {j}] = {got64[i, j].item():.6g} 是负数：距离的平方不可能小于 0"
            "（|x|² + |y|² - 2·x·y 的舍入误差会导致这种情况；请截断到 0）",
        )
    exact, scale = exact_and_scale(x, y)
    # allowed: rounding error of the matrix-product formula, relative to the size of the points
    bad = (got64 - exact).abs() > 1e-5 * scale + 1e-6
    if bool(bad.any()):
        i, j = (int(k) for k in bad.nonzero()[0])
        value, right = f"{got64[i, j].item():.6g}", f"{exact[i, j].item():.6g}"
        return say(
            f"result[{i}, {j}] = {value}, but the squared distance is {right}",
            f"result[{i}, {j}] = {value}，但距离的平方应为 {right}",
        )
    return None


CHECKS = (
    Agrees(
        name="matches_reference",
        points=5,
        tol=TOL,
        examples=(
            Case.of(x=ramp(2, 3), y=ramp(4, 3)),
            Case.of(x=torch.tensor([[0.0, 0.0], [3.0, 4.0]]), y=torch.tensor([[0.0, 0.0]])),
            Case.of(x=ramp(3, 1, dtype=torch.float64), y=ramp(2, 1, dtype=torch.float64)),
        ),
        cases=point_sets(),
    ),
    Agrees(
        name="handles_empty_inputs",
        points=2,
        tol=TOL,
        examples=(
            Case.of(x=ramp(0, 3), y=ramp(4, 3)),
            Case.of(x=ramp(2, 3), y=ramp(0, 3)),
            Case.of(x=ramp(2, 0), y=ramp(3, 0)),
        ),
    ),
    Holds(
        name="never_negative",
        points=3,
        examples=(
            Case.of(x=ramp(3, 2), y=ramp(3, 2)),
            *(_fixed_near(seed, d, offset) for seed in range(3) for d, offset in ((8, 100.0), (16, 1000.0))),
            _fixed_near(0, 16, 1000.0, torch.float64),
        ),
        cases=near_points(),
        judge=never_negative,
    ),
)
