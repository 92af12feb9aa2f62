"""Checks for cross_entropy: matches F.cross_entropy, stays finite for logits up to ±1e4, differentiable."""

import torch
import torch.nn.functional as F
from hypothesis import strategies as st

from grader.api import Agrees, Case, Holds, Tolerance, compare, ramp, say
from grader.api import strategies as gs

TOL = Tolerance(rtol=1e-5, atol=1e-5)
# near ±1e4 one float32 step is about 1e-3; a stable formula stays within a few steps of PyTorch's
LARGE_TOL = Tolerance(rtol=1e-5, atol=2e-2)


@st.composite
def logits_and_targets(draw, bound: float = 10.0):
    n, c = draw(gs.sizes(2, min_size=1, max_size=6))
    logits = draw(gs.tensors((n, c), gs.dtypes(), low=-bound, high=bound))
    targets = draw(gs.tensors((n,), torch.int64, low=0, high=c - 1))
    return Case.of(logits=logits, targets=targets)


@st.composite
def mixed_scale_logits(draw):
    """Each row at its own scale, up to the catalog's ±1e4 exactly: a shift by the whole tensor's max, or
    any exp of an unshifted logit, overflows or underflows in some row."""
    n, c = draw(gs.sizes(2, min_size=1, max_size=6))
    unit = draw(gs.tensors((n, c), gs.dtypes(), low=-1, high=1, layouts=False))
    scales = draw(st.lists(st.sampled_from((1e4, 1.0, 100.0)), min_size=n, max_size=n))
    targets = draw(gs.tensors((n,), torch.int64, low=0, high=c - 1))
    return Case.of(logits=unit * torch.tensor(scales, dtype=unit.dtype)[:, None], targets=targets)


LARGE_LOGITS = st.one_of(mixed_scale_logits(), logits_and_targets(bound=1e4))


def run_backward(fn, case: Case) -> dict:
    """Differentiate the learner's loss with respect to a copy of ``logits``."""
    logits = case["logits"].detach().clone().requires_grad_(True)
    loss = fn(logits, case["targets"])
    if not isinstance(loss, torch.Tensor) or not loss.requires_grad:
        return {"graph": False}
    loss.backward()
    return {"graph": True, "grad": logits.grad}


def gradient_is_right(case: Case, got: dict) -> object:
    if not got["graph"]:
        return say(
            "the loss is not connected to `logits` (requires_grad is False), so loss.backward() cannot"
            " train anything: compute it with tensor operations only, without .item(), float() or"
            " torch.tensor(...)",
            "损失与 `logits` 没有计算图连接（requires_grad 为 False），loss.backward() 无法训练任何东西："
            "请只用张量运算来计算，不要用 .item()、float() 或 torch.tensor(...)",
        )
    logits = case["logits"].detach().clone().requires_grad_(True)
    F.cross_entropy(logits, case["targets"]).backward()
    return compare(logits.grad, got["grad"], TOL, where="logits.grad")


def _i(*values: int) -> torch.Tensor:
    return torch.tensor(values, dtype=torch.int64)


_t = ramp

LARGE_EXAMPLES = (
    Case.of(logits=torch.tensor([[1e4, 0.0, -1e4]]), targets=_i(1)),
    Case.of(logits=torch.tensor([[-1e4, -1e4], [1e4, 1e4]]), targets=_i(0, 1)),
    Case.of(logits=torch.tensor([[1e4, 0.0, -1e4], [-1e4, -1e4, 5.0]]), targets=_i(1, 0)),
    Case.of(logits=torch.tensor([[800.0, 0.0], [0.0, -800.0]], dtype=torch.float64), targets=_i(0, 1)),
)

CHECKS = (
    Agrees(
        name="matches_reference",
        points=6,
        tol=TOL,
        examples=(
            Case.of(logits=_t(2, 3), targets=_i(0, 2)),
            Case.of(logits=_t(3, 4, dtype=torch.float64) / 4, targets=_i(3, 1, 0)),
            Case.of(logits=_t(1, 1), targets=_i(0)),
        ),
        cases=logits_and_targets(),
    ),
    Agrees(
        name="stays_finite_for_large_logits",
        points=5,
        tol=LARGE_TOL,
        examples=LARGE_EXAMPLES,
        cases=LARGE_LOGITS,
    ),
    Holds(
        name="is_differentiable",
        points=2,
        examples=(
            Case.of(logits=_t(2, 3) / 3, targets=_i(2, 0)),
            *LARGE_EXAMPLES,  # the gradient too stays finite (no NaN from an overflowing branch)
        ),
        cases=st.one_of(logits_and_targets(), LARGE_LOGITS),
        run=run_backward,
        judge=gradient_is_right,
        max_examples=15,
    ),
)
