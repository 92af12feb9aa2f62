"""Checks for pairwise_sq_distances: values, shape and dtype, empty inputs, never a negative entry, and
speed (grader.timing): always on the CPU against a Python loop over rows, and on a CUDA GPU against NumPy.

The timed checks are :class:`~grader.spec.Races`: the trusted side makes fresh, unpredictable inputs for
every call, runs the baseline, holds the clock (never a clock in the learner's process) and checks every
timed output before its time counts, so a cached or skipped result fails whatever its speed; an
inconclusive timing is a skip, neither points nor a failure (docs/timing.md).
"""

import numpy as np
import torch
from hypothesis import strategies as st

from grader.api import Agrees, Case, Holds, Races, Tolerance, ramp, say
from grader.api import strategies as gs

# |x|² + |y|² - 2·x·y (one matrix product) is a correct answer; its rounding error in float32 grows with
# |x|², so values stay in [-4, 4] here and the cancellation-prone inputs are judged separately below
TOL = Tolerance(rtol=1e-5, atol=1e-4)
OFFSETS = (10.0, 100.0, 1000.0)


@st.composite
def point_sets(draw):
    # mostly n, m and d all different (y.T or x.T for y changes a shape), often a corner: as many points
    # as dimensions, n == m, a single point or coordinate, no points
    n, m, d = draw(gs.sizes(3, 0, 6))
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


# -- timed checks (grader.spec.Races: the trusted side holds the clock and makes the inputs) ---------------

CPU_SPEEDUP, CUDA_SPEEDUP = 20.0, 10.0
# 2048 points, 16 centres, d = 4 (k-means' assignment step): the loop below takes ~10-20 ms a call, and
# even the broadcasting answer's (n, m, d) temporary (512 KiB) stays in cache, so every vectorised
# answer wins by 50x or more on one thread, while any Python loop over rows stays near 1x
CPU_SIZES = (2048, 16, 4)
CUDA_SIZES = (4096, 4096, 128)


def python_loop(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """The CPU baseline: a Python loop over the rows of x, each row vectorised over all of y."""
    out = torch.empty(len(x), len(y), dtype=x.dtype)
    for i in range(len(x)):
        out[i] = ((x[i] - y) ** 2).sum(1)
    return out


def numpy_formula(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The CUDA check's baseline: NumPy on the CPU, |x|² + |y|² - 2·x·y (one BLAS matrix product)."""
    sq = (x * x).sum(1)[:, None] + (y * y).sum(1)[None, :] - 2.0 * (x @ y.T)
    return np.maximum(sq, 0.0)


class Fresh:
    """A case argument standing for new random points on every call; prints as pasteable Python."""

    def __init__(self, *shape: int) -> None:
        self.shape = shape

    def __repr__(self) -> str:
        return f"torch.randn{self.shape}  # new points for every timed call"


def random_points(sizes: tuple[int, int, int]):
    """Each timed call's x (n, d) and y (m, d), from the trusted side's unpredictable generator."""
    n, m, d = sizes

    def prepare(generator: torch.Generator, call: int) -> tuple[torch.Tensor, torch.Tensor]:
        return torch.randn(n, d, generator=generator), torch.randn(m, d, generator=generator)

    return prepare


def _shape_problem(args: tuple, meta: dict, device: str) -> object:
    x, y = args
    n, m = len(x), len(y)
    got = (meta.get("shape"), meta.get("dtype"), meta.get("device"))
    if got == ([n, m], "torch.float32", device):
        return None
    what = meta["type"] if meta.get("shape") is None else f"shape {tuple(got[0])}, {got[1]} on {got[2]}"
    return say(
        f"expected a tensor of shape {(n, m)}, torch.float32 on {device}; got {what}",
        f"应返回形状 {(n, m)}、torch.float32、位于 {device} 的张量；实际得到 {what}",
    )


def _meta(out: object) -> dict:
    meta: dict = {"type": type(out).__name__}
    if type(out) is torch.Tensor:
        meta |= {"shape": list(out.shape), "dtype": str(out.dtype), "device": out.device.type}
    return meta


def verify_output(args: tuple, out: object) -> object:
    """Every element of a timed call's output (on the CPU the whole output comes back)."""
    problem = _shape_problem(args, _meta(out), "cpu")
    if problem is not None:
        return problem
    exact, scale = exact_and_scale(*args)
    got = out.detach().double()
    bad = ~((got - exact).abs() <= 1e-4 * scale + 1e-5)  # NaN counts as bad
    if bool(bad.any()):
        i, j = (int(k) for k in bad.nonzero()[0])
        value, right = f"{got[i, j].item():.6g}", f"{exact[i, j].item():.6g}"
        return say(
            f"result[{i}, {j}] = {value}, but the squared distance is {right}"
            " (a result kept from an earlier call?)",
            f"result[{i}, {j}] = {value}，但距离的平方应为 {right}（是否返回了之前调用的结果？）",
        )
    return None


def _weights(n: int, m: int, device: torch.device | str) -> torch.Tensor:
    i = torch.arange(n, dtype=torch.float64, device=device)[:, None]
    j = torch.arange(m, dtype=torch.float64, device=device)[None, :]
    return 1.0 + 0.5 * torch.sin(0.37 * i + 0.11 * j)


def digest(out: object, args: tuple) -> dict:
    """On the GPU, inside the timed interval: the output's metadata and a weighted sum of the square
    roots of every element. Square roots do not decompose like |x|² + |y|² - 2·x·y does, so the digest
    cannot be had without every distance: computing it is the work being timed."""
    meta = _meta(out)
    if meta.get("shape") == [len(args[0]), len(args[1])]:
        roots = out.detach().double().clamp_min(0).sqrt()
        meta["digest"] = float((roots * _weights(*roots.shape, roots.device)).sum())
    return meta


def verify_digest(args: tuple, meta: dict) -> object:
    problem = _shape_problem(args, meta, "cuda")
    if problem is not None:
        return problem
    device = "cuda" if torch.cuda.is_available() else "cpu"
    x, y = (a.to(device, torch.float64) for a in args)
    exact = ((x * x).sum(1)[:, None] + (y * y).sum(1)[None, :] - 2.0 * (x @ y.T)).clamp_min(0)
    expected = float((exact.sqrt() * _weights(*exact.shape, device)).sum())
    got = meta.get("digest")
    if isinstance(got, float) and abs(got - expected) <= 1e-5 * abs(expected):
        return None
    return say(
        f"the distances are wrong (a weighted sum of their square roots is {got}, expected {expected:.8g})",
        f"距离不正确（它们平方根的加权和为 {got}，应为 {expected:.8g}）",
    )


CHECKS = (
    Agrees(
        name="matches_reference",
        points=5,
        tol=TOL,
        examples=(
            Case.of(x=ramp(2, 3), y=ramp(4, 3)),
            Case.of(x=torch.tensor([[0.0, 0.0], [3.0, 4.0]]), y=torch.tensor([[0.0, 0.0]])),
            Case.of(x=ramp(3, 1, dtype=torch.float64), y=ramp(2, 1, dtype=torch.float64)),
            Case.of(x=ramp(3, 3) / 4, y=ramp(3, 3).T / 3),  # n == m == d: x and y swapped fit
            Case.of(x=ramp(2, 3) / 4, y=ramp(3, 3) / 5 - 1),
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
    Races(
        name="faster_than_python_loop",
        points=3,
        threshold=CPU_SPEEDUP,
        prepare=random_points(CPU_SIZES),
        baseline=python_loop,
        baseline_name=say("a Python loop over rows", "逐行的 Python 循环"),
        verify=verify_output,
        pairs=15,
        examples=(Case.of(x=Fresh(CPU_SIZES[0], CPU_SIZES[2]), y=Fresh(CPU_SIZES[1], CPU_SIZES[2])),),
    ),
    Races(
        name="cuda_faster_than_numpy",
        points=3,
        requires="cuda",
        threshold=CUDA_SPEEDUP,
        prepare=random_points(CUDA_SIZES),
        baseline=lambda x, y: numpy_formula(x.numpy(), y.numpy()),
        baseline_name=say("NumPy on the CPU", "CPU 上的 NumPy"),
        verify=verify_digest,
        summary=digest,
        device="cuda",
        pairs=10,
        threads=None,
        examples=(Case.of(x=Fresh(CUDA_SIZES[0], CUDA_SIZES[2]), y=Fresh(CUDA_SIZES[1], CUDA_SIZES[2])),),
    ),
)
