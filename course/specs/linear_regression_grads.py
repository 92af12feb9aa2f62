"""Checks for linear_regression_grads: the by-hand gradients of the MSE agree with autograd's.

n and d are mostly different sizes, so a transposed X changes a shape instead of hiding; often they are
equal (a square X, where a transposed X keeps every shape), or d is 1 or 0 (no features).
"""

import torch
from hypothesis import strategies as st

from grader.api import Agrees, Case, Holds, Tolerance, ramp, say
from grader.api import strategies as gs


@st.composite
def regression_cases(draw, dtype: torch.dtype = torch.float64, bound: float = 10.0) -> Case:
    n, d = draw(gs.sizes(2, min_size=(1, 0), max_size=6))

    def tensor(*shape: int) -> torch.Tensor:
        return draw(gs.tensors(shape, dtype, low=-bound, high=bound))

    return Case.of(X=tensor(n, d), y=tensor(n), w=tensor(d), b=tensor())


def _example(n: int, d: int, dtype: torch.dtype = torch.float64) -> Case:
    """Small readable numbers: X a ramp, y alternating, w and b fixed."""
    X = ramp(n, d, dtype=dtype) / 4
    y = torch.tensor([(-1.0) ** i * (i + 1) for i in range(n)], dtype=dtype)
    w = torch.linspace(-1, 1, d, dtype=dtype)
    return Case.of(X=X, y=y, w=w, b=torch.tensor(0.5, dtype=dtype))


def shapes_and_dtypes(case: Case, result) -> object:
    X, w = case["X"], case["w"]
    want = {"grad_w": tuple(w.shape), "grad_b": ()}
    if not isinstance(result, tuple) or len(result) != 2:
        return say(
            f"expected a tuple (grad_w, grad_b), got {type(result).__name__}"
            + (f" of length {len(result)}" if isinstance(result, tuple | list) else ""),
            f"应返回元组 (grad_w, grad_b)，实际得到 {type(result).__name__}"
            + (f"，长度为 {len(result)}" if isinstance(result, tuple | list) else ""),
        )
    for (name, shape), value in zip(want.items(), result, strict=True):
        if type(value) is not torch.Tensor:
            return say(
                f"{name}: expected a torch.Tensor, got {type(value).__name__}"
                + (" (keep it a tensor: no .item())" if isinstance(value, float) else ""),
                f"{name}：应为 torch.Tensor，实际为 {type(value).__name__}"
                + ("（保持张量，不要用 .item()）" if isinstance(value, float) else ""),
            )
        if tuple(value.shape) != shape:
            extra_en = " (a 0-d tensor, like b: reduce without keepdim)" if name == "grad_b" else " (like w)"
            extra_zh = "（0 维张量，与 b 相同：求和时不要 keepdim）" if name == "grad_b" else "（与 w 相同）"
            return say(
                f"{name}: expected shape {shape}{extra_en}, got {tuple(value.shape)}",
                f"{name}：形状应为 {shape}{extra_zh}，实际为 {tuple(value.shape)}",
            )
        if value.dtype != X.dtype:
            return say(
                f"{name}: expected dtype {X.dtype} (X's), got {value.dtype}",
                f"{name}：dtype 应为 {X.dtype}（与 X 相同），实际为 {value.dtype}",
            )
    return None


EXAMPLES = (
    *(_example(3, 2), _example(1, 3), _example(4, 1), _example(5, 3)),
    *(_example(3, 3), _example(1, 1), _example(2, 0)),  # a square X (n == d); one sample of one feature; none
)

CHECKS = (
    Holds(
        name="returns_shapes_and_dtypes",
        points=3,
        judge=shapes_and_dtypes,
        examples=EXAMPLES,
        cases=regression_cases(),
        max_examples=10,
    ),
    Agrees(
        name="matches_autograd",
        points=9,
        examples=EXAMPLES,
        cases=regression_cases(),
    ),
    Agrees(
        name="works_in_float32",
        points=3,
        # float32 sums of products of values up to 3 round at about 1e-5; wrong formulas are off by O(1)
        tol=Tolerance(rtol=1e-4, atol=1e-3),
        examples=(_example(3, 2, torch.float32),),
        cases=regression_cases(torch.float32, bound=3.0),
        max_examples=15,
    ),
)
