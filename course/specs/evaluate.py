"""Checks for evaluate: per-sample mean loss and accuracy over mini-batches, in eval mode, without a graph.

The run builds a small classifier deterministically (BatchNorm with non-trivial running statistics and
Dropout, so train mode changes the outputs) wrapped in a probe that records, for every forward call, the
model's mode, whether autograd was recording, and the batch size.
"""

from __future__ import annotations

import torch
from hypothesis import strategies as st
from torch import nn

from grader.api import Agrees, Case, Holds, Tolerance, say
from grader.api import strategies as gs

from ._training import Source, params, single_thread

TOL = Tolerance(rtol=1e-5, atol=1e-6)


class Probe(nn.Module):
    """The classifier under test; records (training, grad enabled, rows) for every forward call."""

    def __init__(self, n_in: int, hidden: int, n_classes: int) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, hidden),
            nn.BatchNorm1d(hidden),
            nn.ReLU(),
            nn.Dropout(0.5),
            nn.Linear(hidden, n_classes),
        )
        self.calls: list[tuple[bool, bool, int]] = []

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        self.calls.append((self.training, torch.is_grad_enabled(), int(x.shape[0])))
        return self.net(x)


def build_model(case: Case) -> Probe:
    s = params(case)
    inputs = case.inputs()["inputs"]
    torch.manual_seed(s["seed"])
    model = Probe(inputs.shape[1], s["hidden"], s["n_classes"])
    with torch.no_grad():  # running statistics far from (0, 1), so eval mode gives different outputs
        for _ in range(3):
            model.net[:2](torch.randn(8, inputs.shape[1]) * 2 + 1)
    model.calls.clear()
    model.train(s["was_training"])
    return model


def call_evaluate(fn, model: Probe, case: Case):
    inputs, targets = case.inputs()["inputs"], case.inputs()["targets"]
    return fn(model, inputs, targets, nn.CrossEntropyLoss(), **case.kwargs)


def run_evaluate(fn, case: Case) -> tuple:
    with single_thread(), torch.random.fork_rng(devices=[]):
        return call_evaluate(fn, build_model(case), case)


def run_watched(fn, case: Case) -> dict:
    with single_thread(), torch.random.fork_rng(devices=[]):
        model = build_model(case)
        call_evaluate(fn, model, case)
    return {
        "calls": model.calls,
        "was_training": case.setup["was_training"],
        "modes_after": {m.training for m in model.modules()},
        "batch_size": case.kwargs.get("batch_size", 64),
        "n": int(case.inputs()["inputs"].shape[0]),
    }


def make_case(
    inputs: torch.Tensor,
    targets: torch.Tensor,
    *,
    hidden: int,
    n_classes: int,
    batch_size: int | None,
    was_training: bool,
    seed: int,
) -> Case:
    n_in = inputs.shape[1]
    model = Source(
        f"torch.nn.Sequential(torch.nn.Linear({n_in}, {hidden}), torch.nn.BatchNorm1d({hidden}), "
        f"torch.nn.ReLU(), torch.nn.Dropout(0.5), torch.nn.Linear({hidden}, {n_classes}))"
        f"  # seed {seed}; BatchNorm's running statistics already updated",
        seed=seed,
        hidden=hidden,
        n_classes=n_classes,
    )
    mode = "model.train()" if was_training else "model.eval()"
    return Case.of(
        model=model,
        inputs=inputs,
        targets=targets,
        loss_fn=Source("torch.nn.CrossEntropyLoss()"),
        kwargs={} if batch_size is None else {"batch_size": batch_size},
        setup={"was_training": was_training, "before_the_call": mode},
    )


@st.composite
def eval_cases(
    draw, *, partial: bool | None = None, was_training: bool | None = None, watch: bool = False
) -> Case:
    """``partial``: True, the last batch is smaller than the others; False, every batch is full.

    ``watch``: no batch of a single row, so a model wrongly left in training mode (whose BatchNorm rejects
    a single row) still runs, and the check reports what it watches rather than BatchNorm's error.
    """
    n_in, hidden, n_classes = draw(gs.sizes(3, min_size=2, max_size=6))
    batches = draw(st.integers(1, 4))
    if partial is None:
        batch_size, n = draw(st.integers(1, 8)), draw(st.integers(1, 30))
    elif partial:
        batch_size = draw(st.integers(2, 8))
        n = batch_size * batches + draw(st.integers(1, batch_size - 1))
    else:
        batch_size = draw(st.integers(1, 8))
        n = batch_size * batches
    if watch:
        batch_size = max(batch_size, 2)
        n += 1 if n % batch_size == 1 or n == 1 else 0
    inputs = draw(gs.tensors((n, n_in), low=-3, high=3))
    targets = draw(gs.tensors((n,), torch.int64, low=0, high=n_classes - 1))
    if was_training is None:
        was_training = draw(st.booleans())
    return make_case(
        inputs,
        targets,
        hidden=hidden,
        n_classes=n_classes,
        batch_size=batch_size,
        was_training=was_training,
        seed=draw(st.integers(0, 2**16)),
    )


def _example(n: int, batch_size: int | None, was_training: bool = True) -> Case:
    inputs = (torch.arange(n * 3, dtype=torch.float32).reshape(n, 3) % 7 - 3) / 2
    targets = torch.arange(n) % 4
    return make_case(
        inputs, targets, hidden=5, n_classes=4, batch_size=batch_size, was_training=was_training, seed=0
    )


def in_eval_mode(case: Case, observed: dict):
    if observed["calls"] and not any(training for training, _, _ in observed["calls"]):
        return None
    if not observed["calls"]:
        return say("evaluate never called the model", "evaluate 从未调用模型")
    return say(
        "the model ran in training mode: call model.eval() before the first forward pass (in training mode"
        " Dropout drops activations at random and BatchNorm uses the batch's own statistics)",
        "模型在训练模式下运行了：请在第一次前向传播之前调用 model.eval()"
        "（训练模式下 Dropout 会随机丢弃激活值，BatchNorm 会使用当前批次自己的统计量）",
    )


def builds_no_graph(case: Case, observed: dict):
    if observed["calls"] and not any(grad for _, grad, _ in observed["calls"]):
        return None
    if not observed["calls"]:
        return say("evaluate never called the model", "evaluate 从未调用模型")
    return say(
        "autograd was recording during evaluation: run the forward passes inside `with torch.no_grad():`"
        " so no graph is built (it only costs memory and time here)",
        "评估时 autograd 仍在记录：请把前向传播放在 `with torch.no_grad():` 中，"
        "这样就不会构建计算图（在这里它只会浪费内存和时间）",
    )


def restores_mode(case: Case, observed: dict):
    was = observed["was_training"]
    if observed["modes_after"] == {was}:
        return None
    now = "training" if True in observed["modes_after"] else "evaluation"
    if observed["modes_after"] == {True, False}:
        now = "a mix of training and evaluation"
    before = "training" if was else "evaluation"
    now_zh = {"training": "训练模式", "evaluation": "评估模式"}.get(now, "训练与评估混合的模式")
    before_zh = "训练模式" if was else "评估模式"
    return say(
        f"the model was in {before} mode before evaluate and in {now} mode after it: remember"
        " `was_training = model.training` at the start and call `model.train(was_training)` at the end",
        f"调用 evaluate 之前模型处于{before_zh}，之后却处于{now_zh}：请在开头记下"
        " `was_training = model.training`，结束时调用 `model.train(was_training)`",
    )


def uses_mini_batches(case: Case, observed: dict):
    sizes = [rows for _, _, rows in observed["calls"]]
    n, size = observed["n"], observed["batch_size"]
    expected = [size] * (n // size) + ([n % size] if n % size else [])
    if sizes == expected:
        return None
    return say(
        f"the model was called on batches of {_rows(sizes)} rows; with {n} samples and batch_size={size}"
        f" they should be {_rows(expected)}: slices of batch_size rows in order, the last one smaller",
        f"模型收到的批次行数是 {_rows(sizes)}；共有 {n} 个样本、batch_size={size} 时应为 {_rows(expected)}："
        "按顺序每次取 batch_size 行，最后一批可以更小",
    )


def _rows(sizes: list[int]) -> str:
    return str(sizes) if len(sizes) <= 6 else f"[{', '.join(map(str, sizes[:5]))}, … ({len(sizes)} batches)]"


CHECKS = (
    Agrees(
        name="matches_reference",
        points=4,
        examples=(_example(3, None), _example(8, 4, was_training=False), _example(5, 5)),
        cases=eval_cases(partial=False),
        run=run_evaluate,
        tol=TOL,
        max_examples=15,
    ),
    Agrees(
        name="averages_loss_per_sample",
        points=2,
        examples=(_example(9, 4), _example(8, 3, was_training=False)),
        cases=eval_cases(partial=True),
        run=run_evaluate,
        tol=TOL,
        max_examples=15,
    ),
    Holds(
        name="runs_in_eval_mode",
        points=2,
        examples=(_example(6, 4),),
        cases=eval_cases(was_training=True, watch=True),
        run=run_watched,
        judge=in_eval_mode,
        max_examples=10,
    ),
    Holds(
        name="builds_no_graph",
        points=2,
        examples=(_example(6, 4),),
        cases=eval_cases(watch=True),
        run=run_watched,
        judge=builds_no_graph,
        max_examples=10,
    ),
    Holds(
        name="restores_training_mode",
        points=2,
        examples=(_example(6, 4, was_training=True), _example(6, 4, was_training=False)),
        cases=eval_cases(watch=True),
        run=run_watched,
        judge=restores_mode,
        max_examples=10,
    ),
    Holds(
        name="uses_mini_batches",
        points=1,
        examples=(_example(11, 3), _example(130, None)),
        cases=eval_cases(watch=True),
        run=run_watched,
        judge=uses_mini_batches,
        max_examples=10,
    ),
)
