"""Checks for to_device: nested dict/list/tuple/namedtuple structures moved to the ``meta`` device.

The run describes what came back as a flat dict ``{path: what is there}`` (``obj['x'][0]`` → the moved
tensor, a container's type, a module's class and the devices of its tensors, any other leaf as is), so a
difference is reported at the path where it is. Meta tensors are compared by shape, dtype and device.
"""

from collections import namedtuple
from itertools import chain
from typing import Any

import torch
from hypothesis import strategies as st
from torch import nn

from grader.api import Agrees, Case, ramp
from grader.api import strategies as gs

Pair = namedtuple("Pair", "first second")
Batch = namedtuple("Batch", "inputs targets info")
NOTE = {  # printed under a failing input as "# Pair, Batch = ..."
    "Pair, Batch": "namedtuple('Pair', 'first second'), namedtuple('Batch', 'inputs targets info')",
    "Linear, BatchNorm1d": "torch.nn.Linear, torch.nn.BatchNorm1d",
}


def describe(value: Any, path: str = "obj", out: dict[str, Any] | None = None) -> dict[str, Any]:
    """What sits at each path inside ``value``: plain data the grader compares."""
    out = {} if out is None else out
    if isinstance(value, torch.Tensor):
        out[path] = value
    elif isinstance(value, nn.Module):
        devices = sorted({str(t.device) for t in chain(value.parameters(), value.buffers())})
        where = f"parameters and buffers on {', '.join(devices)}" if devices else "no parameters or buffers"
        out[path] = f"{type(value).__name__} module with {where}"
    elif isinstance(value, list | tuple | dict):
        if hasattr(value, "_fields"):  # paths index a namedtuple like a tuple, so losing its type shows here
            out[path] = f"namedtuple {type(value).__name__}({', '.join(value._fields)})"
        else:
            out[path] = f"{type(value).__name__} of {len(value)}"
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            describe(item, f"{path}[{key!r}]", out)
    else:
        out[path] = value
    return out


def run_described(fn, case: Case) -> dict[str, Any]:
    return describe(fn(*case.args, **case.kwargs))


def linear() -> nn.Module:
    with torch.random.fork_rng():
        torch.manual_seed(0)
        return nn.Linear(2, 3)


def batchnorm() -> nn.Module:
    return nn.BatchNorm1d(3)  # has buffers (running_mean, running_var) as well as parameters


tensors = gs.tensors(gs.shapes(max_dims=2, max_side=3), gs.dtypes((torch.float32, torch.int64)))
others = st.integers(-3, 3) | st.text("abc", max_size=3) | st.none() | st.booleans() | st.floats(-2, 2)
modules = st.sampled_from((linear, batchnorm)).map(lambda make: make())
keys = st.sampled_from(("x", "y", "inputs", "labels", "mask")) | st.integers(0, 3)


def containers(children: st.SearchStrategy) -> st.SearchStrategy:
    return (
        st.lists(children, max_size=3)
        | st.lists(children, max_size=3).map(tuple)
        | st.dictionaries(keys, children, max_size=3)
        | st.builds(Pair, children, children)
        | st.builds(Batch, children, children, children)
    )


structures = st.recursive(tensors | tensors | others | modules, containers, max_leaves=8)


def cases(device: str) -> st.SearchStrategy[Case]:
    devices = st.sampled_from((device, torch.device(device)))
    return st.builds(lambda obj, d: Case.of(obj=obj, device=d, setup=NOTE), structures, devices)


def on(obj: Any, device: str = "meta") -> Case:
    return Case.of(obj=obj, device=device, setup=NOTE)


def examples(device: str = "meta") -> dict[str, tuple[Case, ...]]:
    t, u = ramp(2, 3), ramp(4, dtype=torch.int64)
    return {
        "tensors": (
            on(t, device),
            on({"x": t, "y": u}, device),
            on({"inputs": [t, u], "extra": {"mask": torch.tensor([True, False]), "deep": [[t]]}}, device),
            on([ramp(0, 3), ramp()], device),
            *(on(ramp(3, 3), device), on(ramp(1, 2), device), on(ramp(2, 0), device)),  # square, 1, empty
        ),
        "containers": (
            on((t, u), device),
            on([t, u], device),
            on(Pair(t, u), device),
            on({"pair": Pair(first=[t], second=(u, 1)), "batch": Batch(t, u, {"id": 3})}, device),
            on(((t,), [u, (t, t)], ()), device),
        ),
        "modules": (
            on(linear(), device),
            on({"model": linear(), "batch": (t, u)}, device),
            on([batchnorm(), Pair(linear(), t)], device),
        ),
        "leaves": (
            on({"x": t, "n": 3, "name": "abc", "mask": None, "lr": 0.5, "flag": True}, device),
            on((None, t, "s", 2), device),
            on(Batch(t, None, "train"), device),
            on(5, device),
            on(None, device),
        ),
    }


EX = examples()

CHECKS = (
    Agrees(
        name="moves_nested_tensors",
        points=4,
        examples=EX["tensors"],
        cases=cases("meta"),
        max_examples=20,
        run=run_described,
    ),
    Agrees(name="keeps_container_types", points=4, examples=EX["containers"], run=run_described),
    Agrees(name="moves_modules", points=3, examples=EX["modules"], run=run_described),
    Agrees(name="keeps_other_values", points=3, examples=EX["leaves"], run=run_described),
    Agrees(
        name="moves_to_cuda",
        points=1,
        requires="cuda",
        examples=tuple(chain(*examples("cuda").values())),
        cases=cases("cuda"),
        run=run_described,
        max_examples=15,
    ),
)
