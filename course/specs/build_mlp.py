"""Checks for build_mlp: the layer list (Flatten, Linear, ReLU, Dropout in order) and the forward pass."""

import math

import torch
from hypothesis import strategies as st
from torch import nn

from grader.api import Agrees, Case, Raises


def describe(layer: nn.Module) -> str:
    if isinstance(layer, nn.Flatten):
        dims = "" if (layer.start_dim, layer.end_dim) == (1, -1) else f"{layer.start_dim}, {layer.end_dim}"
        return f"Flatten({dims})"
    if isinstance(layer, nn.Linear):
        no_bias = "" if layer.bias is not None else ", bias=False"
        return f"Linear({layer.in_features}, {layer.out_features}{no_bias})"
    if isinstance(layer, nn.ReLU):
        return "ReLU()"  # inplace or not, the same layer
    if isinstance(layer, nn.Dropout):
        return f"Dropout({layer.p})"
    return type(layer).__name__


def run_layers(fn, case: Case) -> dict:
    """The container's type and its layers, one line: short enough to read both in a failure message."""
    model = fn(*case.args, **case.kwargs)
    layers = " → ".join(describe(m) for m in model) if isinstance(model, nn.Module) else "?"
    return {"type": type(model).__name__, "layers": layers}


class ForwardCase(Case):
    """Prints the failing forward pass as code: build, load the grader's weights, eval mode, call on ``x``."""

    def to_source(self, entry: str) -> str:
        shape = self.setup["x_shape"]
        x = f"torch.randn({shape!r}, generator=g)"
        if self.setup["strided"]:
            x = f"torch.randn({(*shape[:-1], 2 * shape[-1])!r}, generator=g)[..., ::2]  # non-contiguous"
        args = ", ".join(f"{k}={v!r}" for k, v in self.inputs().items())
        return "\n".join(
            [
                "import torch",
                f"model = {entry}({args})",
                f"g = torch.Generator().manual_seed({self.setup['seed']})  # the grader's weights and input",
                f"x = {x}",
                "with torch.no_grad():",
                "    for p in model.parameters():",
                "        p.copy_(torch.randn(p.shape, generator=g) / p.shape[-1] ** 0.5)",
                "model.eval()",
                "model(x)",
            ]
        )


def run_forward(fn, case: Case) -> torch.Tensor:
    """Same input and same weights (in parameter order) for both models, in eval mode (dropout off)."""
    g = torch.Generator().manual_seed(case.setup["seed"])
    shape = case.setup["x_shape"]
    if case.setup["strided"]:
        x = torch.randn((*shape[:-1], 2 * shape[-1]), generator=g)[..., ::2]
    else:
        x = torch.randn(shape, generator=g)
    with torch.random.fork_rng():
        torch.manual_seed(0)
        model = fn(*case.args, **case.kwargs)
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.randn(p.shape, generator=g) / p.shape[-1] ** 0.5)
    model.eval()
    try:
        return model(x)
    except NotImplementedError:
        # nn.Module's placeholder forward: the container cannot run (an nn.ModuleList, say)
        raise TypeError(
            f"a {type(model).__name__} cannot be called on an input; return an nn.Sequential"
        ) from None


def forward_case(x_shape, sizes, dropout=None, strided=False, seed=0) -> ForwardCase:
    setup = {"x_shape": tuple(x_shape), "strided": strided, "seed": seed}
    if dropout is None:
        return ForwardCase.of(sizes=sizes, setup=setup)
    return ForwardCase.of(sizes=sizes, dropout=dropout, setup=setup)


DROPOUTS = st.sampled_from((0.0, 0.1, 0.25, 0.5)) | st.floats(0.0, 1.0)


@st.composite
def layer_cases(draw):
    sizes = draw(st.lists(st.integers(1, 9), min_size=2, max_size=5))
    if draw(st.booleans()):
        return Case.of(sizes=sizes)
    return Case.of(sizes=sizes, dropout=draw(DROPOUTS))


@st.composite
def forwards(draw):
    features = draw(st.lists(st.integers(1, 4), min_size=1, max_size=3))
    sizes = [math.prod(features), *draw(st.lists(st.integers(1, 9), min_size=1, max_size=4))]
    shape = (draw(st.integers(1, 4)), *features)
    dropout = draw(st.none() | DROPOUTS)
    return forward_case(shape, sizes, dropout, draw(st.booleans()), draw(st.integers(0, 2**16)))


CHECKS = (
    Agrees(
        name="has_the_right_layers",
        points=8,
        run=run_layers,
        examples=(
            Case.of(sizes=[784, 256, 128, 10], dropout=0.2),  # MNISTNet, 001 §9
            Case.of(sizes=[4, 3]),
            Case.of(sizes=[5, 4, 3]),
            Case.of(sizes=(6, 2, 2), dropout=0.5),
        ),
        cases=layer_cases(),
    ),
    Agrees(
        name="forward_matches_reference",
        points=5,
        run=run_forward,
        examples=(
            forward_case((2, 1, 28, 28), [784, 32, 10], 0.2),
            forward_case((3, 5), [5, 4, 3, 2]),
            forward_case((2, 2, 3), [6, 4], strided=True),
        ),
        cases=forwards(),
    ),
    Raises(
        name="rejects_bad_dropout",
        points=2,
        examples=(Case.of(sizes=[4, 3, 2], dropout=1.5), Case.of(sizes=[4, 3, 2], dropout=-0.1)),
    ),
)
