"""Checks for mse_loss: the mean of squared differences, 0-dim, input dtype, differentiable."""

import torch
import torch.nn.functional as F
from hypothesis import strategies as st

from grader.api import Agrees, Case, Holds, Tolerance, compare, ramp, say
from grader.api import strategies as gs

# float32 sums of a few hundred squares may be added in another order than PyTorch's
TOL = Tolerance(rtol=1e-5, atol=1e-6)


@st.composite
def pairs(draw, min_side: int = 1, min_dims: int = 1):
    shape = draw(gs.shapes(min_dims=min_dims, max_dims=3, min_side=min_side, max_side=6))
    dtype = draw(gs.dtypes())
    return Case.of(pred=draw(gs.tensors(shape, dtype)), target=draw(gs.tensors(shape, dtype)))


def run_backward(fn, case: Case) -> dict:
    """Differentiate the learner's loss with respect to a copy of ``pred``."""
    pred = case["pred"].detach().clone().requires_grad_(True)
    loss = fn(pred, case["target"])
    if not isinstance(loss, torch.Tensor) or not loss.requires_grad:
        return {"graph": False}
    loss.backward()
    return {"graph": True, "grad": pred.grad}


def gradient_is_right(case: Case, got: dict) -> object:
    if not got["graph"]:
        return say(
            "the loss is not connected to `pred` (requires_grad is False), so loss.backward() cannot"
            " train anything: compute it with tensor operations only, without .item(), float() or"
            " torch.tensor(...)",
            "损失与 `pred` 没有计算图连接（requires_grad 为 False），loss.backward() 无法训练任何东西："
            "请只用张量运算来计算，不要用 .item()、float() 或 torch.tensor(...)",
        )
    pred = case["pred"].detach().clone().requires_grad_(True)
    F.mse_loss(pred, case["target"]).backward()
    return compare(pred.grad, got["grad"], TOL, where="pred.grad")


_t = ramp


CHECKS = (
    Agrees(
        name="matches_reference",
        points=5,
        tol=TOL,
        examples=(
            Case.of(pred=_t(2, 3), target=_t(2, 3).flip(1)),
            Case.of(pred=_t(4, dtype=torch.float64), target=torch.zeros(4, dtype=torch.float64)),
            Case.of(pred=_t(2, 1, 3) / 2, target=_t(2, 1, 3)),
        ),
        cases=pairs(),
    ),
    Agrees(
        name="handles_0d_and_empty",
        points=1,
        examples=(
            Case.of(pred=_t(), target=torch.tensor(5.0)),
            Case.of(
                pred=torch.tensor(1.5, dtype=torch.float64), target=torch.tensor(-1.0, dtype=torch.float64)
            ),
            Case.of(pred=_t(0), target=_t(0)),
            Case.of(pred=_t(0, 3), target=_t(0, 3)),
        ),
    ),
    Holds(
        name="is_differentiable",
        points=2,
        examples=(Case.of(pred=_t(2, 3), target=_t(2, 3).flip(0)),),
        cases=pairs(),
        run=run_backward,
        judge=gradient_is_right,
        max_examples=15,
    ),
)
