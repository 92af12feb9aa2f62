"""Checks for train_step: zero grads → forward → loss → backward → step, in train mode; loss as a float.

The run builds a small model deterministically (it has a BatchNorm layer, so train and eval mode give
different losses), puts it in eval mode before every call, and for most checks plants stale gradients in
every ``.grad`` first, so that a forgotten or misplaced ``zero_grad`` changes the parameters.
"""

from __future__ import annotations

from typing import Any

import torch
from hypothesis import strategies as st
from torch import nn

from grader.api import Agrees, Case, Holds, Tolerance, say, type_name
from grader.api import strategies as gs

from ._training import Source, params, single_thread

OPTIMIZERS = {
    "sgd": ("torch.optim.SGD(model.parameters(), lr=0.1)", lambda p: torch.optim.SGD(p, lr=0.1)),
    "sgd_momentum": (
        "torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)",
        lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9),
    ),
    "adam": ("torch.optim.Adam(model.parameters(), lr=0.01)", lambda p: torch.optim.Adam(p, lr=0.01)),
}
LOSSES = {
    "mse": ("torch.nn.MSELoss()", nn.MSELoss),
    "cross_entropy": ("torch.nn.CrossEntropyLoss()", nn.CrossEntropyLoss),
}
TOL = Tolerance(rtol=1e-5, atol=1e-6)


def build_model(n_in: int, hidden: int, n_out: int) -> nn.Module:
    return nn.Sequential(nn.Linear(n_in, hidden), nn.BatchNorm1d(hidden), nn.Tanh(), nn.Linear(hidden, n_out))


def model_source(n_in: int, hidden: int, n_out: int, seed: int) -> Source:
    return Source(
        f"torch.nn.Sequential(torch.nn.Linear({n_in}, {hidden}), torch.nn.BatchNorm1d({hidden}), "
        f"torch.nn.Tanh(), torch.nn.Linear({hidden}, {n_out}))  # built after torch.manual_seed({seed})",
        seed=seed,
        hidden=hidden,
        n_out=n_out,
    )


def make_case(
    inputs: torch.Tensor,
    targets: torch.Tensor,
    *,
    hidden: int,
    n_out: int,
    loss: str,
    optimizer: str,
    steps: int,
    stale: bool,
    seed: int,
) -> Case:
    n_in = inputs.shape[1]
    setup: dict[str, Any] = {"steps": steps, "before_each_call": "model.eval()"}
    if stale:
        setup["before_the_first_call"] = "every parameter's .grad holds a stale random gradient"
    return Case.of(
        model=model_source(n_in, hidden, n_out, seed),
        inputs=inputs,
        targets=targets,
        loss_fn=Source(LOSSES[loss][0], loss=loss),
        optimizer=Source(OPTIMIZERS[optimizer][0], optimizer=optimizer),
        setup=setup,
    )


def run_steps(fn, case: Case) -> dict:
    """Build the model and optimizer, call ``fn`` ``steps`` times; the losses, modes and final state."""
    s = params(case)
    inputs, targets = case.inputs()["inputs"], case.inputs()["targets"]
    with single_thread(), torch.random.fork_rng(devices=[]):
        torch.manual_seed(s["seed"])
        model = build_model(inputs.shape[1], s["hidden"], s["n_out"])
        if "before_the_first_call" in s:  # stale gradients
            for p in model.parameters():
                p.grad = torch.randn_like(p)
        optimizer = OPTIMIZERS[s["optimizer"]][1](model.parameters())
        loss_fn = LOSSES[s["loss"]][1]()
        losses, in_train_mode = [], []
        for _ in range(s["steps"]):
            model.eval()
            losses.append(fn(model, inputs, targets, loss_fn, optimizer))
            in_train_mode.append(all(m.training for m in model.modules()))
    state = {name: value.detach().clone() for name, value in model.state_dict().items()}
    return {"losses": losses, "in_train_mode": in_train_mode, "state": state}


def run_state(fn, case: Case) -> dict:
    observed = run_steps(fn, case)
    return {"losses": observed["losses"], "state": observed["state"]}


@st.composite
def training_cases(draw, *, optimizers: tuple[str, ...], steps: tuple[int, int], stale: bool) -> Case:
    # n at least 2: BatchNorm needs two samples per batch in train mode
    n, n_in, hidden, n_out = draw(gs.sizes(4, min_size=(2, 1, 1, 1), max_size=6))
    loss = draw(st.sampled_from(tuple(LOSSES)))
    inputs = draw(gs.tensors((n, n_in), low=-3, high=3))
    if loss == "mse":
        targets = draw(gs.tensors((n, n_out), low=-2, high=2))
    else:
        targets = draw(gs.tensors((n,), torch.int64, low=0, high=n_out - 1))
    return make_case(
        inputs,
        targets,
        hidden=hidden,
        n_out=n_out,
        loss=loss,
        optimizer=draw(st.sampled_from(optimizers)),
        steps=draw(st.integers(*steps)),
        stale=stale,
        seed=draw(st.integers(0, 2**16)),
    )


def _example(loss: str, optimizer: str, steps: int, stale: bool) -> Case:
    inputs = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.0, -0.5], [-1.0, 1.0, 0.25], [0.0, 2.0, 1.0]])
    targets = (
        torch.tensor([1, 0, 1, 0])
        if loss == "cross_entropy"
        else torch.tensor([[1.0, -1.0], [0.5, 0.0], [-0.5, 2.0], [0.0, 1.0]])
    )
    return make_case(
        inputs, targets, hidden=4, n_out=2, loss=loss, optimizer=optimizer, steps=steps, stale=stale, seed=0
    )


def _corner_example(rows: int, n_out: int) -> Case:
    """MSE on ``rows`` samples of 3 features: ``rows`` = 3 = ``n_out`` (a transposed batch keeps every
    shape), or ``n_out`` = 1 (a squeezed output broadcasts against targets of shape (rows, 1))."""
    inputs = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.0, -0.5], [-1.0, 1.0, 0.25], [0.0, 2.0, 1.0]])[:rows]
    targets = torch.tensor([[1.0, -1.0, 0.0], [0.5, 0.0, 2.0], [-0.5, 2.0, 1.0], [0.0, 1.0, -2.0]])
    return make_case(
        inputs,
        targets[:rows, :n_out],
        hidden=4,
        n_out=n_out,
        loss="mse",
        optimizer="sgd",
        steps=1,
        stale=False,
        seed=0,
    )


def loss_is_python_float(case: Case, observed: dict):
    bad = [loss for loss in observed["losses"] if not isinstance(loss, float)]
    if not bad:
        return None
    got = type_name(bad[0])
    if isinstance(bad[0], torch.Tensor):
        return say(
            f"train_step returned a {got} ({bad[0]!r}); return the loss as a Python float with loss.item(),"
            " so the caller keeps no tensor (and no graph) alive",
            f"train_step 返回了 {got}（{bad[0]!r}）；请用 loss.item() 把损失作为 Python float 返回，"
            "这样调用者不会一直持有张量（以及它的计算图）",
        )
    return say(
        f"train_step returned a {got}, expected a Python float (loss.item())",
        f"train_step 返回了 {got}，应返回 Python float（loss.item()）",
    )


def left_in_train_mode(case: Case, observed: dict):
    if all(observed["in_train_mode"]):
        return None
    return say(
        "after train_step the model was in eval mode: the grader calls model.eval() before each call, and"
        " train_step must switch the model to training mode (model.train()) before the forward pass, so"
        " layers such as BatchNorm and Dropout behave as in training",
        "train_step 结束后模型仍处于 eval 模式：评分程序在每次调用前都会执行 model.eval()，"
        "train_step 必须在前向传播之前用 model.train() 把模型切换到训练模式，"
        "这样 BatchNorm、Dropout 等层才会按训练时的方式工作",
    )


CHECKS = (
    Holds(
        name="returns_python_float",
        points=2,
        examples=(_example("mse", "sgd", 1, False), _example("cross_entropy", "adam", 2, True)),
        run=run_steps,
        judge=loss_is_python_float,
    ),
    Holds(
        name="switches_to_train_mode",
        points=2,
        examples=(_example("mse", "sgd", 1, False),),
        cases=training_cases(optimizers=("sgd", "adam"), steps=(1, 2), stale=False),
        run=run_steps,
        judge=left_in_train_mode,
        max_examples=10,
    ),
    Agrees(
        name="one_step_matches_reference",
        points=3,
        examples=(
            _example("mse", "sgd", 1, False),
            _example("cross_entropy", "sgd", 1, False),
            _corner_example(rows=3, n_out=3),
            _corner_example(rows=4, n_out=1),
        ),
        cases=training_cases(optimizers=("sgd",), steps=(1, 1), stale=False),
        run=run_state,
        tol=TOL,
        max_examples=15,
    ),
    Agrees(
        name="clears_stale_gradients",
        points=3,
        examples=(_example("mse", "sgd", 1, True), _example("cross_entropy", "sgd_momentum", 1, True)),
        cases=training_cases(optimizers=("sgd", "sgd_momentum"), steps=(1, 1), stale=True),
        run=run_state,
        tol=TOL,
        max_examples=15,
    ),
    Agrees(
        name="matches_reference_over_steps",
        points=4,
        examples=(_example("cross_entropy", "sgd_momentum", 4, True), _example("mse", "adam", 4, True)),
        cases=training_cases(optimizers=("sgd_momentum", "adam"), steps=(2, 4), stale=True),
        run=run_state,
        tol=TOL,
        max_examples=15,
    ),
)
