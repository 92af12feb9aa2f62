"""Checks for sgd_step: one step and several chained steps agree with torch.optim.SGD (dampening 0)."""

import torch
from hypothesis import strategies as st

from grader.api import Agrees, Case, ramp
from grader.api import strategies as gs

F64 = torch.float64
GRAD_SCALES = (1.0, -0.5, 2.0, 0.25)  # the gradient changes from step to step, so the buffer matters
REPEAT = (
    f"call sgd_step {len(GRAD_SCALES)} times, passing back the param and buf it returned,"
    f" with grad multiplied by {', '.join(map(str, GRAD_SCALES))}"
)

lrs = st.sampled_from((0.1, 0.01, 0.5, 1.0)) | st.floats(1e-3, 1.0)
momenta = st.sampled_from((0.9, 0.5, 0.99)) | st.floats(0.05, 0.99)
either = st.booleans()
decays = st.sampled_from((0.0, 0.1, 0.01)) | st.floats(0.0, 0.5)


@st.composite
def steps(
    draw, *, momentum: bool, with_buf: bool = False, nesterov=either, decay=decays, repeat: bool = False
):
    shape = draw(gs.shapes(max_dims=3, max_side=4))
    param = draw(gs.tensors(shape, F64, low=-5, high=5))
    grad = draw(gs.tensors(shape, F64, low=-5, high=5))
    buf = draw(gs.tensors(shape, F64, low=-5, high=5)) if with_buf else None
    kwargs = {"weight_decay": draw(decay)}
    if momentum:
        kwargs["momentum"] = draw(momenta)
        kwargs["nesterov"] = draw(nesterov)
    setup = {"repeat": REPEAT} if repeat else {}
    return Case.of(param=param, grad=grad, buf=buf, lr=draw(lrs), kwargs=kwargs, setup=setup)


def run_steps(fn, case: Case):
    """Thread param and buf through several calls, as a training loop would; every step is observed."""
    param, grad, buf, lr = case.args
    observed = []
    for k, scale in enumerate(GRAD_SCALES):
        if k:  # later calls get copies, so a write into an input cannot rewrite an earlier observation
            param = param.clone()
            buf = None if buf is None else buf.clone()
        param, buf = fn(param, grad * scale, buf, lr, **case.kwargs)
        observed.append((param, buf))
    return observed


def _v(*values: float) -> torch.Tensor:
    return torch.tensor(values, dtype=F64)


P, G = _v(1.0, -2.0, 3.0), _v(0.5, 0.5, -1.0)


CHECKS = (
    Agrees(
        name="plain_step",
        points=2,
        examples=(
            Case.of(param=P, grad=G, buf=None, lr=0.1),
            Case.of(param=ramp(2, 3, dtype=F64), grad=ramp(2, 3, dtype=F64), buf=None, lr=0.5),
            Case.of(param=ramp(dtype=F64), grad=torch.tensor(2.0, dtype=F64), buf=None, lr=0.1),
            Case.of(param=ramp(0, 3, dtype=F64), grad=ramp(0, 3, dtype=F64), buf=None, lr=0.1),
            Case.of(param=P, grad=G, buf=_v(1.0, 1.0, 1.0), lr=0.1),  # momentum 0: no buffer comes back
        ),
        cases=steps(momentum=False, decay=st.just(0.0)),
    ),
    Agrees(
        name="applies_weight_decay",
        points=2,
        examples=(Case.of(param=P, grad=G, buf=None, lr=0.1, kwargs={"weight_decay": 0.1}),),
        cases=steps(momentum=False, decay=st.floats(0.01, 0.5)),
    ),
    Agrees(
        name="first_momentum_step",
        points=2,
        examples=(
            Case.of(param=P, grad=G, buf=None, lr=0.1, kwargs={"momentum": 0.9}),
            Case.of(param=P, grad=G, buf=None, lr=0.1, kwargs={"momentum": 0.9, "weight_decay": 0.1}),
            Case.of(param=P, grad=G, buf=None, lr=0.1, kwargs={"momentum": 0.9, "nesterov": True}),
        ),
        cases=steps(momentum=True),
    ),
    Agrees(
        name="continues_from_buffer",
        points=2,
        examples=(
            Case.of(param=P, grad=G, buf=_v(1.0, 1.0, 1.0), lr=0.1, kwargs={"momentum": 0.9}),
            Case.of(
                param=P,
                grad=G,
                buf=_v(1.0, 1.0, 1.0),
                lr=0.1,
                kwargs={"momentum": 0.9, "nesterov": True, "weight_decay": 0.1},
            ),
        ),
        cases=steps(momentum=True, with_buf=True),
    ),
    Agrees(
        name="momentum_over_steps",
        points=2,
        examples=(
            Case.of(param=P, grad=G, buf=None, lr=0.1, kwargs={"momentum": 0.9}, setup={"repeat": REPEAT}),
            Case.of(
                param=P,
                grad=G,
                buf=None,
                lr=0.1,
                kwargs={"momentum": 0.5, "weight_decay": 0.1},
                setup={"repeat": REPEAT},
            ),
        ),
        cases=steps(momentum=True, nesterov=st.just(False), repeat=True),
        run=run_steps,
    ),
    Agrees(
        name="nesterov_over_steps",
        points=2,
        examples=(
            Case.of(
                param=P,
                grad=G,
                buf=None,
                lr=0.1,
                kwargs={"momentum": 0.9, "nesterov": True},
                setup={"repeat": REPEAT},
            ),
        ),
        cases=steps(momentum=True, nesterov=st.just(True), repeat=True),
        run=run_steps,
    ),
)
