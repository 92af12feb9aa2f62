"""Checks for simple_net: fc1/fc2 are the right nn.Linear layers; forward is fc2(relu(fc1(flatten(x))))."""

import math

import torch
from hypothesis import strategies as st
from torch import nn

from grader.api import Agrees, Case

DEFAULTS = {"input_size": 784, "hidden_size": 128, "output_size": 10}


class ForwardCase(Case):
    """Prints the failing forward pass as code: build, load the grader's weights, call on ``x``."""

    def to_source(self, entry: str) -> str:
        s = sizes(self)
        args = ", ".join(f"{k}={v!r}" for k, v in self.kwargs.items())
        shape = self.setup["x_shape"]
        x = f"torch.randn({shape!r}, generator=g)"
        if self.setup["transposed"]:
            stored = (*shape[:-2], shape[-1], shape[-2])
            x = f"torch.randn({stored!r}, generator=g).transpose(-1, -2)  # a non-contiguous tensor"
        i, h, o = s["input_size"], s["hidden_size"], s["output_size"]
        return "\n".join(
            [
                "import torch",
                f"model = {entry}({args})",
                f"g = torch.Generator().manual_seed({self.setup['seed']})  # the grader's weights",
                "model.load_state_dict({",
                f"    'fc1.weight': torch.randn({h}, {i}, generator=g) / {i} ** 0.5,",
                f"    'fc1.bias': torch.randn({h}, generator=g),",
                f"    'fc2.weight': torch.randn({o}, {h}, generator=g) / {h} ** 0.5,",
                f"    'fc2.bias': torch.randn({o}, generator=g),",
                "}, strict=False)",
                f"x = {x}",
                "model(x)",
            ]
        )


def sizes(case: Case) -> dict:
    return {**DEFAULTS, **dict(case.named_args), **case.kwargs}


def describe(layer: object) -> str:
    if layer is None:
        return "missing"
    if isinstance(layer, nn.Linear):
        bias = layer.bias is not None
        return f"Linear(in_features={layer.in_features}, out_features={layer.out_features}, bias={bias})"
    return f"{type(layer).__name__} (not an nn.Linear)"


def run_structure(cls, case: Case) -> dict:
    """What a learner's model is made of: plain strings, bools and shapes."""
    model = cls(*case.args, **case.kwargs)
    if not isinstance(model, nn.Module):
        return {"is_nn_module": False}
    return {
        "is_nn_module": True,
        "fc1": describe(getattr(model, "fc1", None)),
        "fc2": describe(getattr(model, "fc2", None)),
        "parameter_shapes": {name: tuple(p.shape) for name, p in model.named_parameters()},
    }


def run_forward(cls, case: Case) -> torch.Tensor:
    """Build the model, load the same seeded weights into it as into the reference's, run ``x`` through."""
    s = sizes(case)
    i, h, o = s["input_size"], s["hidden_size"], s["output_size"]
    g = torch.Generator().manual_seed(case.setup["seed"])
    state = {
        "fc1.weight": torch.randn(h, i, generator=g) / i**0.5,
        "fc1.bias": torch.randn(h, generator=g),
        "fc2.weight": torch.randn(o, h, generator=g) / h**0.5,
        "fc2.bias": torch.randn(o, generator=g),
    }
    shape = case.setup["x_shape"]
    if case.setup["transposed"]:
        x = torch.randn((*shape[:-2], shape[-1], shape[-2]), generator=g).transpose(-1, -2)
    else:
        x = torch.randn(shape, generator=g)
    with torch.random.fork_rng():
        torch.manual_seed(0)
        model = cls(*case.args, **case.kwargs)
        # not strict: a model may hold more than fc1 and fc2 (a buffer of its own); it must hold those two
        loaded = model.load_state_dict(state, strict=False)
        if loaded.unexpected_keys:
            missing = ", ".join(loaded.unexpected_keys)
            raise RuntimeError(f"the model has no {missing}: name its two layers fc1 and fc2")
        return model(x)


def forward_case(
    x_shape: tuple[int, ...], transposed: bool = False, seed: int = 0, **kwargs: int
) -> ForwardCase:
    return ForwardCase.of(
        kwargs=kwargs, setup={"x_shape": tuple(x_shape), "transposed": transposed, "seed": seed}
    )


@st.composite
def size_kwargs(draw) -> dict:
    hidden, output = draw(st.lists(st.integers(1, 9), min_size=2, max_size=2, unique=True))
    return {"hidden_size": hidden, "output_size": output}


@st.composite
def structures(draw):
    i, h, o = draw(st.lists(st.integers(1, 40), min_size=3, max_size=3, unique=True))
    return Case.of(kwargs={"input_size": i, "hidden_size": h, "output_size": o})


@st.composite
def forwards(draw, transposed: bool = False):
    """An input of shape (N, *features); the model's input_size is the product of the feature sides.

    A transposed input has two or more feature sides, so that it cannot be flattened with ``view``.
    """
    if transposed:
        features = [
            *draw(st.lists(st.integers(1, 3), max_size=1)),
            draw(st.integers(2, 4)),
            draw(st.integers(2, 4)),
        ]
    else:
        features = draw(st.lists(st.integers(1, 4), min_size=1, max_size=3))
    batch = draw(st.integers(1, 4))
    seed = draw(st.integers(0, 2**16))
    return forward_case(
        (batch, *features), transposed, seed, input_size=math.prod(features), **draw(size_kwargs())
    )


CHECKS = (
    Agrees(
        name="has_fc1_and_fc2_linear_layers",
        points=5,
        run=run_structure,
        examples=(
            Case.of(),
            Case.of(input_size=20, hidden_size=7, output_size=3),
            Case.of(kwargs={"hidden_size": 16}),
        ),
        cases=structures(),
    ),
    Agrees(
        name="forward_matches_reference",
        points=7,
        run=run_forward,
        examples=(
            forward_case((2, 1, 28, 28)),
            forward_case((3, 784)),
            forward_case((1, 2, 3), input_size=6, hidden_size=5, output_size=4),
        ),
        cases=forwards(),
    ),
    Agrees(
        name="accepts_non_contiguous_input",
        points=3,
        run=run_forward,
        examples=(forward_case((2, 1, 28, 28), transposed=True),),
        cases=forwards(transposed=True),
        max_examples=10,
    ),
)
