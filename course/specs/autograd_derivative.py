"""Checks for autograd_derivative: the gradient autograd gives, with x's requires_grad and .grad left alone.

:class:`ScalarFn` (specs/_functions.py, shared with gradient_descent) is a function passed to the learner
as an argument: it prints as the lambda that defines it, so a failing case can be pasted into a shell.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from hypothesis import strategies as st

from grader.api import Agrees, Case, Holds, lines, read_attribute, read_values, say
from grader.api import strategies as gs

from ._functions import ScalarFn


@dataclass(frozen=True)
class GradFill:
    """What x.grad holds before the call, printed as the code that sets it."""

    fill: float

    def __repr__(self) -> str:
        return f"torch.full_like(x, {self.fill})"


def _sum_of_squares(x):
    return (x**2).sum()


def _sum_of_sines(x):
    return torch.sin(x).sum()


def _mean_cubic(x):
    return (x**3 - 2 * x).mean()


def _product_rule(x):
    return torch.exp(x / 4).sum() * torch.tanh(x).mean()


def _logsumexp(x):
    return torch.logsumexp(x.reshape(-1), dim=0)


def _relu_times_x(x):
    return (torch.relu(x) * x).sum()


def _soft_abs(x):
    return torch.sqrt(x**2 + 1).sum()


SUM_OF_SQUARES = ScalarFn("lambda x: (x ** 2).sum()", _sum_of_squares)
FUNCTIONS = (
    SUM_OF_SQUARES,
    ScalarFn("lambda x: torch.sin(x).sum()", _sum_of_sines),
    ScalarFn("lambda x: (x ** 3 - 2 * x).mean()", _mean_cubic),
    ScalarFn("lambda x: torch.exp(x / 4).sum() * torch.tanh(x).mean()", _product_rule),
    ScalarFn("lambda x: torch.logsumexp(x.reshape(-1), dim=0)", _logsumexp),
    ScalarFn("lambda x: (torch.relu(x) * x).sum()", _relu_times_x),
    ScalarFn("lambda x: torch.sqrt(x ** 2 + 1).sum()", _soft_abs),
)

GRAD_KEY = "x.grad"  # setup key: what x.grad holds before the call (absent: None)


@st.composite
def derivative_cases(draw, states: bool = True) -> Case:
    """f and x; with ``states``, x may require grad and may already hold a .grad."""
    x = draw(gs.tensors(gs.shapes(max_dims=3, min_side=1, max_side=4), gs.dtypes(), low=-3, high=3))
    setup = {}
    if states and draw(st.booleans()):
        x.requires_grad_(True)
        if draw(st.booleans()):
            setup[GRAD_KEY] = GradFill(draw(st.sampled_from((0.5, -2.0))))
    return Case.of(f=draw(st.sampled_from(FUNCTIONS)), x=x, setup=setup)


def _prepare(case: Case) -> torch.Tensor:
    """x as the case describes it: its requires_grad comes with the tensor, its .grad from the setup."""
    x = case["x"]
    if GRAD_KEY in case.setup:
        x.grad = torch.full_like(x, case.setup[GRAD_KEY].fill)
    return x


def call_with_prepared_x(fn, case: Case):
    return fn(case["f"], _prepare(case))


def call_and_inspect_x(fn, case: Case) -> dict:
    x = _prepare(case)
    requires_grad_before, grad_before = _state(x)
    fn(case["f"], x)
    requires_grad_after, grad_after = _state(x)
    return {"requires_grad": (requires_grad_before, requires_grad_after), "grad": (grad_before, grad_after)}


def _state(x: torch.Tensor) -> tuple[bool, np.ndarray | None]:
    """x's own ``requires_grad`` and a copy of its ``grad``, read from torch's C type: in the learner's
    process, ``torch.Tensor``'s properties are the learner's to rebind."""
    grad = read_attribute(x, "grad")
    return read_attribute(x, "requires_grad"), None if grad is None else read_values(grad)


def x_left_alone(case: Case, seen: dict):
    problems = []
    before, after = seen["requires_grad"]
    if before != after:
        problems.append(
            say(
                f"x.requires_grad was {before} before the call and {after} after it: work on a stand-in"
                " such as x.detach() instead of switching the flag on x itself",
                f"调用前 x.requires_grad 为 {before}，调用后变成了 {after}：请在替身（如 x.detach()）上操作，"
                "不要修改 x 本身的标志",
            )
        )
    grad_before, grad_after = seen["grad"]
    if grad_before is None and grad_after is not None:
        problems.append(
            say(
                "x.grad was None before the call, but your code left a gradient in it",
                "调用前 x.grad 为 None，但你的代码在里面留下了梯度",
            )
        )
    elif grad_before is not None and grad_after is None:
        problems.append(
            say(
                "x.grad held a tensor before the call, and your code cleared it",
                "调用前 x.grad 中有一个张量，你的代码把它清掉了",
            )
        )
    elif grad_before is not None and not _same(grad_before, grad_after):
        problems.append(
            say(
                "x.grad changed during the call: backward() added the new gradient into it"
                " (torch.autograd.grad returns gradients without storing them)",
                "调用过程中 x.grad 被改变了：backward() 把新梯度累加了进去"
                "（torch.autograd.grad 直接返回梯度，不会存到 .grad 中）",
            )
        )
    return lines(problems) if problems else None


def _same(before: object, after: object) -> bool:
    return type(before) is type(after) is np.ndarray and bool(np.array_equal(before, after))


def _x(*values: float, requires_grad: bool = False) -> torch.Tensor:
    return torch.tensor(values, dtype=torch.float64, requires_grad=requires_grad)


CHECKS = (
    Agrees(
        name="matches_autograd",
        points=5,
        run=call_with_prepared_x,
        examples=(
            Case.of(f=SUM_OF_SQUARES, x=_x(1.0, -2.0, 3.0)),
            Case.of(f=FUNCTIONS[3], x=torch.tensor(0.5)),
            Case.of(f=SUM_OF_SQUARES, x=_x(1.0, 2.0, requires_grad=True), setup={GRAD_KEY: GradFill(0.5)}),
            Case.of(f=FUNCTIONS[3], x=torch.tensor([[0.5, -1.0], [2.0, 0.0]])),  # square
            Case.of(f=SUM_OF_SQUARES, x=torch.empty(2, 0)),  # no elements: an empty gradient
        ),
        cases=derivative_cases(),
    ),
    Holds(
        name="leaves_x_as_it_was",
        points=5,
        run=call_and_inspect_x,
        judge=x_left_alone,
        examples=(
            Case.of(f=SUM_OF_SQUARES, x=_x(1.0, -2.0)),
            Case.of(f=SUM_OF_SQUARES, x=_x(1.0, -2.0, requires_grad=True)),
            Case.of(f=SUM_OF_SQUARES, x=_x(1.0, -2.0, requires_grad=True), setup={GRAD_KEY: GradFill(0.5)}),
        ),
        cases=derivative_cases(),
    ),
)
