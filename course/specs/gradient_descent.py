"""Checks for gradient_descent: matches SGD step by step, zeroes gradients, returns a detached copy."""

import torch
from hypothesis import strategies as st

from grader.api import Agrees, Case, Holds, Tolerance, lines, read_attribute, read_values, say
from grader.api import strategies as gs

from ._functions import ScalarFn


def _squared_distance_to_one(x):
    return ((x - 1) ** 2).sum()


def _quadratic_plus_linear(x):
    return 0.5 * (x**2).sum() + x.sum()


def _soft_abs(x):
    return torch.sqrt(x**2 + 1).sum()


def _logsumexp_plus_square(x):
    return torch.logsumexp(x.reshape(-1), dim=0) + (x**2).mean()


DISTANCE_TO_ONE = ScalarFn("lambda x: ((x - 1) ** 2).sum()", _squared_distance_to_one)
# smooth functions whose curvature stays small, so every learning rate drawn below converges
FUNCTIONS = (
    DISTANCE_TO_ONE,
    ScalarFn("lambda x: 0.5 * (x ** 2).sum() + x.sum()", _quadratic_plus_linear),
    ScalarFn("lambda x: torch.sqrt(x ** 2 + 1).sum()", _soft_abs),
    ScalarFn("lambda x: torch.logsumexp(x.reshape(-1), dim=0) + (x ** 2).mean()", _logsumexp_plus_square),
)

# float32 runs may round differently from torch.optim.SGD's fused update by a few ulps per step
TOL = Tolerance(rtol=1e-5, atol=1e-6)


@st.composite
def descent_cases(draw, min_steps: int = 0) -> Case:
    x0 = draw(gs.tensors(gs.shapes(max_dims=2, min_side=1, max_side=4), gs.dtypes(), low=-2, high=2))
    return Case.of(
        f=draw(st.sampled_from(FUNCTIONS)),
        x0=x0,
        lr=draw(st.sampled_from((0.01, 0.05, 0.1, 0.2))),
        steps=draw(st.integers(min_steps, 10)),
    )


def _x0(*values: float, requires_grad: bool = False) -> torch.Tensor:
    return torch.tensor(values, dtype=torch.float64, requires_grad=requires_grad)


def call_and_inspect_x0(fn, case: Case) -> dict:
    """x0's own ``requires_grad`` and ``grad``, read from torch's C type: in the learner's process,
    ``torch.Tensor``'s properties are the learner's to rebind."""
    x0 = case["x0"]
    requires_grad_before = read_attribute(x0, "requires_grad")
    fn(*case.args)
    grad = read_attribute(x0, "grad")
    return {
        "requires_grad": (requires_grad_before, read_attribute(x0, "requires_grad")),
        "grad_after": None if grad is None else read_values(grad),
    }


def x0_left_alone(case: Case, seen: dict):
    problems = []
    before, after = seen["requires_grad"]
    if before != after:
        problems.append(
            say(
                f"x0.requires_grad was {before} before the call and {after} after it: start from a copy,"
                " x0.detach().clone()",
                f"调用前 x0.requires_grad 为 {before}，调用后变成了 {after}："
                "请从副本 x0.detach().clone() 开始",
            )
        )
    if seen["grad_after"] is not None:
        problems.append(
            say(
                "x0.grad was None before the call, but your code left a gradient in it",
                "调用前 x0.grad 为 None，但你的代码在里面留下了梯度",
            )
        )
    return lines(problems) if problems else None


CHECKS = (
    Agrees(
        name="matches_sgd",
        points=5,
        tol=TOL,
        examples=(
            Case.of(f=DISTANCE_TO_ONE, x0=_x0(3.0, -1.0), lr=0.1, steps=5),
            Case.of(f=FUNCTIONS[2], x0=torch.tensor([[2.0, -1.5], [0.5, 0.0]]), lr=0.2, steps=10),
            # no elements: nothing to move
            Case.of(f=DISTANCE_TO_ONE, x0=torch.empty(0, 2, dtype=torch.float64), lr=0.1, steps=3),
        ),
        cases=descent_cases(),
    ),
    Agrees(
        name="zeroes_gradients_between_steps",
        points=2,
        tol=TOL,
        examples=(
            Case.of(f=DISTANCE_TO_ONE, x0=_x0(3.0), lr=0.1, steps=2),
            Case.of(f=DISTANCE_TO_ONE, x0=_x0(0.0, 2.0, -1.0), lr=0.05, steps=3),
        ),
        cases=descent_cases(min_steps=2),
        max_examples=10,
    ),
    Agrees(
        name="handles_zero_steps",
        points=1,
        examples=(
            Case.of(f=DISTANCE_TO_ONE, x0=_x0(3.0, -1.0), lr=0.1, steps=0),
            Case.of(f=DISTANCE_TO_ONE, x0=_x0(3.0, -1.0, requires_grad=True), lr=0.1, steps=0),
        ),
    ),
    Holds(
        name="leaves_x0_untouched",
        points=2,
        run=call_and_inspect_x0,
        judge=x0_left_alone,
        examples=(
            Case.of(f=DISTANCE_TO_ONE, x0=_x0(3.0, -1.0), lr=0.1, steps=3),
            Case.of(f=DISTANCE_TO_ONE, x0=_x0(3.0, -1.0, requires_grad=True), lr=0.1, steps=3),
        ),
    ),
)
