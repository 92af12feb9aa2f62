"""Checks for mlp_backward: by-hand gradients of a two-layer ReLU network agree with autograd's.

n, d_in, h and k are mostly distinct sizes so that a missing transpose changes a shape, and often a
corner where it keeps every shape: an input or hidden size equal to the batch size (a square x), equal
layer widths (a square W1 or W2), a size of 1, no inputs or no hidden units. Integer-valued inputs (and
hidden units with zero weights and bias) make pre-activations exactly 0, where relu'(0) = 0 matters.
"""

import torch
from hypothesis import strategies as st

from grader.api import Agrees, Case, Holds, Tolerance, ramp, say
from grader.api import strategies as gs

PARAMS = ("W1", "b1", "W2", "b2")


@st.composite
def mlp_cases(draw, dtype: torch.dtype = torch.float64, integers: bool = False) -> Case:
    """Shapes from gs.sizes; with ``integers``, values in {-2, ..., 2} so x @ W1 + b1 often hits 0."""
    # n and k at least 1: the loss is a mean over the n·k outputs
    n, d_in, h, k = draw(gs.sizes(4, min_size=(1, 0, 0, 1), max_size=5))

    def tensor(*shape: int) -> torch.Tensor:
        if integers:
            return draw(gs.tensors(shape, torch.int64, low=-2, high=2)).to(dtype)
        return draw(gs.tensors(shape, dtype, low=-3, high=3))

    return Case.of(
        x=tensor(n, d_in), W1=tensor(d_in, h), b1=tensor(h), W2=tensor(h, k), b2=tensor(k), y=tensor(n, k)
    )


def _example(n: int, d_in: int, h: int, k: int, dead_unit: int | None = None, dtype=torch.float64) -> Case:
    """Readable numbers; ``dead_unit``: a hidden unit with zero weights and bias (pre-activation 0)."""
    x = (ramp(n, d_in, dtype=dtype) - 2) / 2
    W1 = torch.linspace(-1, 1, d_in * h, dtype=dtype).reshape(d_in, h)
    b1 = torch.full((h,), 0.25, dtype=dtype)
    if dead_unit is not None:
        W1[:, dead_unit] = 0
        b1[dead_unit] = 0
    W2 = torch.linspace(1, -0.5, h * k, dtype=dtype).reshape(h, k)
    b2 = torch.full((k,), -0.5, dtype=dtype)
    y = ramp(n, k, dtype=dtype) / 3
    return Case.of(x=x, W1=W1, b1=b1, W2=W2, b2=b2, y=y)


def gradient_dict(case: Case, result) -> object:
    if not isinstance(result, dict):  # an OrderedDict is one
        return say(
            f'expected a dict with keys "W1", "b1", "W2", "b2", got {type(result).__name__}',
            f'应返回键为 "W1"、"b1"、"W2"、"b2" 的字典，实际得到 {type(result).__name__}',
        )
    if set(result) != set(PARAMS):
        return say(
            f"expected the keys {sorted(PARAMS)}, got {sorted(map(str, result))}",
            f"键应为 {sorted(PARAMS)}，实际为 {sorted(map(str, result))}",
        )
    for name in PARAMS:
        value, param = result[name], case[name]
        if type(value) is not torch.Tensor:
            return say(
                f'result["{name}"]: expected a torch.Tensor, got {type(value).__name__}',
                f'result["{name}"]：应为 torch.Tensor，实际为 {type(value).__name__}',
            )
        if value.shape != param.shape:
            want, got = tuple(param.shape), tuple(value.shape)
            if tuple(value.shape) == tuple(reversed(param.shape)):
                why = (
                    " (transposed: check the order of the factors in the matrix product)",
                    "（转置了：检查矩阵乘法中因子的顺序）",
                )
            elif value.dim() != param.dim():
                why = (
                    " (sum over the batch dimension, without keepdim)",
                    "（沿 batch 维求和，不要 keepdim）",
                )
            else:
                why = ("", "")
            return say(
                f'result["{name}"]: expected the shape of {name}, {want}, got {got}' + why[0],
                f'result["{name}"]：形状应与 {name} 相同，为 {want}，实际为 {got}' + why[1],
            )
    return None


EXAMPLES = (
    *(_example(3, 2, 4, 1), _example(2, 3, 4, 5), _example(1, 2, 3, 4)),
    # an input or hidden size equal to the batch size, equal widths: a missing transpose keeps every shape
    *(_example(3, 3, 2, 4), _example(2, 4, 2, 3), _example(3, 2, 2, 2), _example(2, 2, 2, 2)),
    *(_example(3, 0, 2, 4), _example(3, 2, 0, 4)),  # no inputs, no hidden units
)
DEAD_UNIT_EXAMPLES = (_example(3, 2, 4, 1, dead_unit=1), _example(4, 3, 2, 5, dead_unit=0))

CHECKS = (
    Holds(
        name="returns_gradient_per_parameter",
        points=3,
        judge=gradient_dict,
        examples=EXAMPLES,
        cases=mlp_cases(),
        max_examples=10,
    ),
    Agrees(
        name="matches_autograd",
        points=10,
        examples=EXAMPLES,
        cases=mlp_cases(),
    ),
    Agrees(
        name="relu_gradient_is_zero_at_zero",
        points=5,
        examples=DEAD_UNIT_EXAMPLES,
        cases=mlp_cases(integers=True),
        max_examples=20,
    ),
    Agrees(
        name="works_in_float32",
        points=2,
        # float32 rounding of sums of products of values up to 3; wrong formulas are off by O(1)
        tol=Tolerance(rtol=1e-4, atol=1e-4),
        examples=(_example(3, 2, 4, 1, dtype=torch.float32),),
        cases=mlp_cases(torch.float32),
        max_examples=15,
    ),
)
