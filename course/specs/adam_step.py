"""Checks for adam_step: one step and several chained steps agree with torch.optim.Adam / AdamW."""

import torch
from hypothesis import strategies as st

from grader.api import Agrees, Case, Tolerance, ramp
from grader.api import strategies as gs

F64 = torch.float64
GRAD_SCALES = (1.0, -0.5, 2.0, 0.25, 1.5)  # the gradient changes from step to step, so the moments matter
REPEAT = (
    f"call adam_step {len(GRAD_SCALES)} times, starting from state = {{}} and passing back the param and"
    f" state it returned, with grad multiplied by {', '.join(map(str, GRAD_SCALES))}"
)

lrs = st.sampled_from((1e-3, 0.1, 0.01)) | st.floats(1e-4, 0.5)
betas = st.tuples(st.sampled_from((0.9, 0.8, 0.5)), st.sampled_from((0.999, 0.99, 0.9)))
# a large eps makes its place (outside the square root, after bias correction) visible
epss = st.sampled_from((1e-8, 1e-3, 0.1, 1.0))
decays = st.sampled_from((0.0, 0.1, 0.01)) | st.floats(0.0, 0.5)


@st.composite
def steps(
    draw,
    *,
    with_state: bool = False,
    decoupled: bool | None = None,
    decay=decays,
    repeat: bool = False,
    dtype: torch.dtype = F64,
):
    shape = draw(gs.shapes(max_dims=3, max_side=4))
    param = draw(gs.tensors(shape, dtype, low=-5, high=5))
    grad = draw(gs.tensors(shape, dtype, low=-5, high=5))
    state = {}
    if with_state:
        state = {
            "step": draw(st.integers(1, 60)),
            "exp_avg": draw(gs.tensors(shape, dtype, low=-3, high=3)),
            "exp_avg_sq": draw(gs.tensors(shape, dtype, low=0, high=9)),
        }
    kwargs = {"lr": draw(lrs), "betas": draw(betas), "eps": draw(epss), "weight_decay": draw(decay)}
    kwargs["decoupled"] = draw(st.booleans()) if decoupled is None else decoupled
    setup = {"repeat": REPEAT} if repeat else {}
    return Case.of(param=param, grad=grad, state=state, kwargs=kwargs, setup=setup)


def run_steps(fn, case: Case):
    """Thread param and state through several calls, as a training loop would; every step is observed."""
    param, grad, state = case.args
    observed = []
    for k, scale in enumerate(GRAD_SCALES):
        if k:  # later calls get copies, so a write into an input cannot rewrite an earlier observation
            param = param.clone()
            state = {key: v.clone() if isinstance(v, torch.Tensor) else v for key, v in state.items()}
        param, state = fn(param, grad * scale, state, **case.kwargs)
        observed.append((param, state))
    return observed


def _v(*values: float, dtype: torch.dtype = F64) -> torch.Tensor:
    return torch.tensor(values, dtype=dtype)


P, G = _v(1.0, -2.0, 3.0), _v(0.5, 0.0, -1.0)
STATE = {"step": 3, "exp_avg": _v(0.1, -0.2, 0.3), "exp_avg_sq": _v(0.01, 0.04, 0.25)}


CHECKS = (
    Agrees(
        name="first_step",
        points=3,
        examples=(
            Case.of(param=P, grad=G, state={}),
            Case.of(param=P, grad=G, state={}, kwargs={"lr": 0.1, "eps": 0.1}),
            Case.of(
                param=ramp(2, 3, dtype=F64),
                grad=ramp(2, 3, dtype=F64),
                state={},
                kwargs={"lr": 0.1, "betas": (0.5, 0.9)},
            ),
            Case.of(param=ramp(dtype=F64), grad=torch.tensor(2.0, dtype=F64), state={}),
            Case.of(param=ramp(0, 2, dtype=F64), grad=ramp(0, 2, dtype=F64), state={}),
        ),
        cases=steps(decay=st.just(0.0), decoupled=False),
    ),
    Agrees(
        name="continues_from_state",
        points=3,
        examples=(
            Case.of(param=P, grad=G, state=STATE, kwargs={"lr": 0.1}),
            Case.of(param=P, grad=G, state=STATE, kwargs={"lr": 0.1, "eps": 1.0, "betas": (0.5, 0.9)}),
        ),
        cases=steps(with_state=True, decay=st.just(0.0), decoupled=False),
    ),
    Agrees(
        name="adam_weight_decay",
        points=2,
        examples=(
            Case.of(param=P, grad=G, state={}, kwargs={"lr": 0.1, "weight_decay": 0.1}),
            Case.of(param=P, grad=G, state=STATE, kwargs={"lr": 0.1, "weight_decay": 0.5}),
        ),
        cases=steps(with_state=True, decay=st.floats(0.01, 0.5), decoupled=False),
    ),
    Agrees(
        name="adamw_decoupled_weight_decay",
        points=2,
        examples=(
            Case.of(param=P, grad=G, state={}, kwargs={"lr": 0.1, "weight_decay": 0.1, "decoupled": True}),
            Case.of(param=P, grad=G, state=STATE, kwargs={"lr": 0.1, "weight_decay": 0.5, "decoupled": True}),
        ),
        cases=steps(with_state=True, decay=st.floats(0.01, 0.5), decoupled=True),
    ),
    Agrees(
        name="several_steps",
        points=3,
        examples=(
            Case.of(param=P, grad=G, state={}, kwargs={"lr": 0.1}, setup={"repeat": REPEAT}),
            Case.of(
                param=P,
                grad=G,
                state={},
                kwargs={"lr": 0.1, "weight_decay": 0.1, "decoupled": True},
                setup={"repeat": REPEAT},
            ),
        ),
        cases=steps(repeat=True),
        run=run_steps,
    ),
    Agrees(
        name="keeps_float32",
        points=2,
        tol=Tolerance(rtol=1e-5, atol=1e-5),
        examples=(
            Case.of(
                param=_v(1.0, -2.0, 3.0, dtype=torch.float32),
                grad=_v(0.5, 0.0, -1.0, dtype=torch.float32),
                state={},
                kwargs={"lr": 0.1},
            ),
        ),
        cases=steps(with_state=True, dtype=torch.float32),
        max_examples=10,
    ),
)
