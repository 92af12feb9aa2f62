"""Checks for save_checkpoint / load_checkpoint: a round trip into fresh objects, and a weights-only file.

The run trains a small model a few steps (so the optimizer has state), saves it into a temporary
directory, builds a *different* model and optimizer of the same architecture (other initial weights, other
learning rate), loads the file into them, and reports what they hold. The reference restores exactly the
saved objects, so its observations are the saved state itself.
"""

from __future__ import annotations

import copy
import os
import re
import tempfile
import warnings
from pathlib import Path

import torch
from hypothesis import strategies as st
from torch import nn

from grader.api import EXACT, Agrees, Case, Holds, say
from grader.api import strategies as gs

from ._training import Source, params, single_thread

OPTIMIZERS = {
    "sgd_momentum": (
        "torch.optim.SGD(model.parameters(), lr={lr}, momentum=0.9)",
        lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9),
    ),
    "adam": (
        "torch.optim.Adam(model.parameters(), lr={lr})",
        lambda params, lr: torch.optim.Adam(params, lr=lr),
    ),
}


def build(s: dict, seed: int, lr: float) -> tuple[nn.Module, torch.optim.Optimizer]:
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(s["n_in"], s["hidden"]), nn.ReLU(), nn.Linear(s["hidden"], s["n_out"]))
    return model, OPTIMIZERS[s["optimizer"]][1](model.parameters(), lr)


def train(model: nn.Module, optimizer: torch.optim.Optimizer, s: dict, steps: int) -> None:
    for _ in range(steps):
        x, y = torch.randn(4, s["n_in"]), torch.randn(4, s["n_out"])
        optimizer.zero_grad()
        nn.functional.mse_loss(model(x), y).backward()
        optimizer.step()


def snapshot(obj) -> object:
    """A deep copy of a state dict with every tensor detached and cloned."""
    return copy.deepcopy(
        {k: v.detach().clone() if isinstance(v, torch.Tensor) else v for k, v in obj.items()}
    )


def weights_only_problem(path: str) -> str | None:
    """None when ``torch.load(path, weights_only=True)`` succeeds, else the gist of its error."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. "Detected pickle protocol 4": the error says enough
            torch.load(path, weights_only=True)
    except Exception as e:  # what a weights-only load says about the learner's file
        text = re.sub(r"\x1b\[[0-9;]*m", "", str(e))
        unsupported = re.search(r"Unsupported global: GLOBAL (\S+)", text)
        if unsupported:
            return f"the file holds a pickled {unsupported.group(1)} object"
        detail = re.search(r"WeightsUnpickler error:\s*(\S[^\n]*)", text)
        first = detail.group(1) if detail else (text.split(". ")[0] if text else "")
        return f"{type(e).__name__}: {first}"[:200]
    return None


def round_trip(ns, case: Case) -> dict:
    """Save a trained model, load it into fresh objects; what the fresh objects hold, and the file's fate."""
    s = params(case)
    with single_thread(), torch.random.fork_rng(devices=[]), tempfile.TemporaryDirectory() as tmp:
        model, optimizer = build(s, s["seed"], s["lr"])
        train(model, optimizer, s, s["steps"])
        path = os.path.join(tmp, "checkpoint.pt")
        ns.save_checkpoint(
            Path(path) if s["path_type"] == "Path" else path, model, optimizer, case.inputs()["epoch"]
        )
        weights_only_error = weights_only_problem(path)
        fresh_model, fresh_optimizer = build(s, s["seed"] + 1, s["lr"] * 3)
        epoch = ns.load_checkpoint(
            Path(path) if s["path_type"] == "Path" else path, fresh_model, fresh_optimizer
        )
        observed = {
            "epoch": epoch,
            "model": snapshot(fresh_model.state_dict()),
            "optimizer": copy.deepcopy(fresh_optimizer.state_dict()),
            "weights_only_error": weights_only_error,
        }
        torch.manual_seed(s["seed"] + 2)
        train(fresh_model, fresh_optimizer, s, 1)
        observed["after_one_more_step"] = snapshot(fresh_model.state_dict())
    return observed


def run_model(ns, case: Case) -> dict:
    return round_trip(ns, case)["model"]


def run_optimizer(ns, case: Case) -> dict:
    return round_trip(ns, case)["optimizer"]


def run_epoch(ns, case: Case) -> object:
    return round_trip(ns, case)["epoch"]


def run_resumed(ns, case: Case) -> dict:
    return round_trip(ns, case)["after_one_more_step"]


def run_file(ns, case: Case) -> object:
    return round_trip(ns, case)["weights_only_error"]


def make_case(
    *,
    n_in: int,
    hidden: int,
    n_out: int,
    optimizer: str,
    lr: float,
    steps: int,
    epoch: int,
    path_type: str,
    seed: int,
) -> Case:
    path = "pathlib.Path('checkpoint.pt')" if path_type == "Path" else "'checkpoint.pt'"
    model = (
        f"torch.nn.Sequential(torch.nn.Linear({n_in}, {hidden}), torch.nn.ReLU(),"
        f" torch.nn.Linear({hidden}, {n_out}))  # seed {seed}, then {steps} training steps"
    )
    return Case.of(
        path=Source(path, path_type=path_type),
        model=Source(model, n_in=n_in, hidden=hidden, n_out=n_out, seed=seed, steps=steps),
        optimizer=Source(OPTIMIZERS[optimizer][0].format(lr=lr), optimizer=optimizer, lr=lr),
        epoch=epoch,
        setup={
            "then": "load_checkpoint(path, fresh_model, fresh_optimizer): same architecture, other"
            " initial weights, optimizer built with lr * 3"
        },
    )


@st.composite
def checkpoint_cases(draw) -> Case:
    n_in, hidden, n_out = draw(gs.sizes(3, min_size=1, max_size=5))
    return make_case(
        n_in=n_in,
        hidden=hidden,
        n_out=n_out,
        optimizer=draw(st.sampled_from(tuple(OPTIMIZERS))),
        lr=draw(st.sampled_from((0.01, 0.05, 0.1))),
        steps=draw(st.integers(1, 3)),
        epoch=draw(st.integers(0, 1000)),
        path_type=draw(st.sampled_from(("str", "Path"))),
        seed=draw(st.integers(0, 2**16)),
    )


EXAMPLES = (
    make_case(
        n_in=3, hidden=4, n_out=2, optimizer="adam", lr=0.01, steps=2, epoch=7, path_type="str", seed=0
    ),
    make_case(
        n_in=2,
        hidden=5,
        n_out=3,
        optimizer="sgd_momentum",
        lr=0.1,
        steps=1,
        epoch=12,
        path_type="Path",
        seed=1,
    ),
)


def loads_weights_only(case: Case, error) -> object:
    if error is None:
        return None
    return say(
        f"torch.load(path, weights_only=True) failed on your file ({error}). Save state dicts, numbers and"
        " strings (model.state_dict(), optimizer.state_dict(), epoch), not the model or optimizer objects"
        " themselves: loading pickled objects can run arbitrary code, so PyTorch refuses it by default",
        f"torch.load(path, weights_only=True) 无法读取你的文件（{error}）。请只保存 state dict、数字和字符串"
        "（model.state_dict()、optimizer.state_dict()、epoch），不要保存模型或优化器对象本身："
        "加载 pickle 的对象可能执行任意代码，所以 PyTorch 默认拒绝这样做",
    )


CHECKS = (
    Agrees(
        name="restores_model_state",
        points=3,
        examples=EXAMPLES,
        cases=checkpoint_cases(),
        run=run_model,
        tol=EXACT,
        max_examples=10,
    ),
    Agrees(
        name="restores_optimizer_state",
        points=2,
        examples=EXAMPLES,
        cases=checkpoint_cases(),
        run=run_optimizer,
        tol=EXACT,
        max_examples=10,
    ),
    Agrees(
        name="returns_saved_epoch",
        points=1,
        examples=EXAMPLES,
        cases=checkpoint_cases(),
        run=run_epoch,
        max_examples=10,
    ),
    Agrees(
        name="training_resumes_identically",
        points=2,
        examples=EXAMPLES,
        cases=checkpoint_cases(),
        run=run_resumed,
        tol=EXACT,
        max_examples=10,
    ),
    Holds(
        name="file_loads_with_weights_only",
        points=2,
        examples=EXAMPLES,
        cases=checkpoint_cases(),
        run=run_file,
        judge=loads_weights_only,
        max_examples=10,
    ),
)
