"""Checks for fit_linear_regression: the gradient-descent trajectory, dtype, and the least-squares limit."""

from __future__ import annotations

import math

import torch
from hypothesis import strategies as st

from grader.api import Agrees, Case, Holds, Tolerance, say, type_name
from grader.api import strategies as gs

# Autograd and a hand-written gradient round differently; a step-count or factor-of-two slip does not.
TOL64 = Tolerance(rtol=1e-7, atol=1e-9)
TOL32 = Tolerance(rtol=1e-4, atol=1e-5)
LSQ_ATOL = 1e-4


@st.composite
def trajectories(draw, dtype: torch.dtype = torch.float64) -> Case:
    """Small data with values in [-1, 1], so every lr up to 0.12 is stable (the Hessian's norm is < 10)."""
    n = draw(st.integers(1, 12))
    d = draw(st.integers(1, 4))
    X = draw(gs.tensors((n, d), dtype, low=-1, high=1))
    y = draw(gs.tensors((n,), dtype, low=-3, high=3))
    epochs = draw(st.integers(0, 30))
    lr = draw(st.floats(0.005, 0.12))
    return Case.of(X=X, y=y, kwargs={"epochs": epochs, "lr": lr})


def well_conditioned(seed: int, n: int, d: int) -> Case:
    """Centred, orthogonal columns with scales in [0.6, 1.4]: the default 200 steps of lr 0.1 converge."""
    g = torch.Generator().manual_seed(seed)
    Z = torch.randn(n, d, generator=g, dtype=torch.float64)
    Q, _ = torch.linalg.qr(Z - Z.mean(dim=0))
    X = Q * math.sqrt(n) * (0.6 + 0.8 * torch.rand(d, generator=g, dtype=torch.float64))
    w_true = 2 * torch.randn(d, generator=g, dtype=torch.float64)
    b_true = torch.randn((), generator=g, dtype=torch.float64)
    y = X @ w_true + b_true + 0.1 * torch.randn(n, generator=g, dtype=torch.float64)
    return Case.of(X=X.round(decimals=6), y=y.round(decimals=6))


@st.composite
def least_squares_cases(draw) -> Case:
    return well_conditioned(draw(st.integers(0, 2**16)), draw(st.integers(20, 40)), draw(st.integers(1, 4)))


def least_squares(X: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    A = torch.cat([X, torch.ones(len(X), 1, dtype=X.dtype)], dim=1)
    solution = torch.linalg.lstsq(A, y.unsqueeze(1)).solution.squeeze(1)
    return solution[:-1], solution[-1]


def near_least_squares(case: Case, result) -> object:
    if not (isinstance(result, tuple) and len(result) == 2 and all(type(t) is torch.Tensor for t in result)):
        return say(
            f"expected a tuple (w, b) of two tensors, got a {type_name(result)}",
            f"应返回由两个张量组成的元组 (w, b)，实际返回了 {type_name(result)}",
        )
    w, b = (t.detach().to(torch.float64) for t in result)
    w_star, b_star = least_squares(case["X"], case["y"])
    if w.shape != w_star.shape or b.shape != b_star.shape:
        return say(
            f"w and b have shapes {tuple(w.shape)} and {tuple(b.shape)}, expected"
            f" {tuple(w_star.shape)} and ()",
            f"w 和 b 的形状是 {tuple(w.shape)} 和 {tuple(b.shape)}，应为 {tuple(w_star.shape)} 和 ()",
        )
    error = max((w - w_star).abs().max().item(), (b - b_star).abs().item())
    if error <= LSQ_ATOL:
        return None
    best, got = f"w={_short(w_star)}, b={_short(b_star)}", f"w={_short(w)}, b={_short(b)}"
    return say(
        f"with the default epochs and lr, (w, b) is {error:.3g} away from the least-squares solution"
        f" {best} (allowed {LSQ_ATOL}); you returned {got}",
        f"使用默认的 epochs 和 lr 时，(w, b) 与最小二乘解 {best} 相差 {error:.3g}（允许 {LSQ_ATOL}）；"
        f"你返回的是 {got}",
    )


def _short(t: torch.Tensor) -> str:
    values = [f"{v:.5g}" for v in t.reshape(-1).tolist()]
    return values[0] if t.dim() == 0 else "[" + ", ".join(values) + "]"


def _example(
    n: int, d: int, epochs: int | None, lr: float | None, dtype: torch.dtype = torch.float64
) -> Case:
    """Fixed data; ``epochs`` and ``lr`` None: leave them at their defaults."""
    X = ((torch.arange(n * d, dtype=dtype).reshape(n, d) * 7) % 11 - 5) / 5
    y = torch.arange(n, dtype=dtype) / 2 - 1
    kwargs = {k: v for k, v in (("epochs", epochs), ("lr", lr)) if v is not None}
    return Case.of(X=X, y=y, kwargs=kwargs)


CHECKS = (
    Agrees(
        name="matches_reference_trajectory",
        points=5,
        examples=(
            _example(4, 2, 1, 0.1),
            _example(5, 3, 0, 0.1),
            _example(6, 1, 10, 0.05),
            _example(7, 3, None, None),
        ),
        cases=trajectories(),
        tol=TOL64,
        max_examples=20,
    ),
    Agrees(
        name="matches_reference_in_float32",
        points=2,
        examples=(_example(4, 2, 5, 0.1, torch.float32),),
        cases=trajectories(torch.float32),
        tol=TOL32,
        max_examples=15,
    ),
    Holds(
        name="recovers_least_squares",
        points=3,
        examples=(well_conditioned(0, 30, 2),),
        cases=least_squares_cases(),
        judge=near_least_squares,
        max_examples=5,
    ),
)
