"""Checks for count_parameters: every scalar once, frozen ones only on request, buffers never."""

from hypothesis import strategies as st
from torch import nn

from grader.api import Agrees, Case

# A model is described by a plan (plain data) that both builds it and prints the code that builds it.
LAYERS = {
    "Linear": lambda a, b, bias: nn.Linear(a, b, bias=bias),
    "Conv2d": lambda a, b, bias: nn.Conv2d(a, b, 3, bias=bias),
    "Embedding": lambda a, b, bias: nn.Embedding(a, b),
    "LayerNorm": lambda a, b, bias: nn.LayerNorm(a, bias=bias),
    "BatchNorm1d": lambda a, b, bias: nn.BatchNorm1d(a),
    "ReLU": lambda a, b, bias: nn.ReLU(),
}


def layer_source(kind: str, a: int, b: int, bias: bool) -> str:
    no_bias = "" if bias else ", bias=False"
    return {
        "Linear": f"nn.Linear({a}, {b}{no_bias})",
        "Conv2d": f"nn.Conv2d({a}, {b}, 3{no_bias})",
        "Embedding": f"nn.Embedding({a}, {b})",
        "LayerNorm": f"nn.LayerNorm({a}{no_bias})",
        "BatchNorm1d": f"nn.BatchNorm1d({a})",
        "ReLU": "nn.ReLU()",
    }[kind]


class ModelCase(Case):
    """A case whose model argument is printed as the code that builds it."""

    def to_source(self, entry: str) -> str:
        call = ", ".join(["model", *(f"{k}={v!r}" for k, v in self.kwargs.items())])
        return "\n".join([*plan_source(self.setup["plan"]), f"{entry}({call})"])


def build(plan: dict) -> nn.Module:
    layers = [LAYERS[kind](a, b, bias) for kind, a, b, bias in plan["layers"]]
    for i in plan["frozen"]:
        layers[i].requires_grad_(False)
    extra = []
    if plan["tied"] is not None:
        _, a, b, bias = plan["layers"][plan["tied"]]
        tied = nn.Linear(a, b, bias=bias)
        tied.weight = layers[plan["tied"]].weight
        extra.append(tied)
    if plan["reused"] is not None:
        extra.append(layers[plan["reused"]])
    k = plan["nest"]
    if k is None:
        return nn.Sequential(*layers, *extra)
    return nn.Sequential(nn.Sequential(*layers[:k]), *layers[k:], *extra)


def plan_source(plan: dict) -> list[str]:
    out = ["import torch", "from torch import nn"]
    out.append("layers = [" + ", ".join(layer_source(*spec) for spec in plan["layers"]) + "]")
    out += [f"layers[{i}].requires_grad_(False)  # frozen" for i in plan["frozen"]]
    parts = (
        ["*layers"]
        if plan["nest"] is None
        else [f"nn.Sequential(*layers[:{plan['nest']}])", f"*layers[{plan['nest']}:]"]
    )
    if plan["tied"] is not None:
        t = plan["tied"]
        _, a, b, bias = plan["layers"][t]
        out.append(f"tied = nn.Linear({a}, {b}{'' if bias else ', bias=False'})")
        out.append(f"tied.weight = layers[{t}].weight  # one Parameter used by two layers")
        parts.append("tied")
    if plan["reused"] is not None:
        out.append(f"# layers[{plan['reused']}] appears twice in the model: its parameters are shared")
        parts.append(f"layers[{plan['reused']}]")
    if len(parts) == 1:
        return [*out, f"model = nn.Sequential({parts[0]})"]
    return [*out, "model = nn.Sequential(", *(f"    {p}," for p in parts), ")"]


def model_case(layers, frozen=(), tied=None, reused=None, nest=None, **kwargs) -> ModelCase:
    plan = {"layers": tuple(layers), "frozen": tuple(frozen), "tied": tied, "reused": reused, "nest": nest}
    return ModelCase.of(model=build(plan), kwargs=kwargs, setup={"plan": plan})


@st.composite
def plans(
    draw,
    kinds=("Linear", "Conv2d", "Embedding", "LayerNorm", "ReLU"),
    frozen=False,
    shared=False,
    trainable_only=(False,),
):
    sides = st.integers(1, 6)
    layers = draw(
        st.lists(st.tuples(st.sampled_from(kinds), sides, sides, st.booleans()), min_size=1, max_size=4)
    )
    n = len(layers)
    frozen_ids = draw(st.sets(st.integers(0, n - 1), max_size=n)) if frozen else set()
    linear = [i for i, (kind, *_) in enumerate(layers) if kind == "Linear"]
    tied = reused = nest = None
    if shared:
        tied = draw(st.none() | st.sampled_from(linear)) if linear else None
        reused = draw(st.none() | st.integers(0, n - 1))
        nest = draw(st.none() | st.integers(1, n))
    kwargs = {"trainable_only": draw(st.sampled_from(trainable_only))}
    return model_case(layers, sorted(frozen_ids), tied, reused, nest, **kwargs)


_L = (
    ("Linear", 784, 128, True),
    ("ReLU", 0, 0, True),
    ("Linear", 128, 10, True),
)  # SimpleNet's layers, 000 §4.2


CHECKS = (
    Agrees(
        name="counts_every_parameter",
        points=4,
        examples=(
            model_case(_L, trainable_only=False),
            model_case([("Conv2d", 1, 4, True), ("Linear", 5, 3, False)], trainable_only=False),
            model_case([("ReLU", 0, 0, True)], trainable_only=False),
        ),
        cases=plans(),
    ),
    Agrees(
        name="counts_trainable_only",
        points=3,
        examples=(
            model_case(_L, frozen=[0]),
            model_case([("Embedding", 5, 3, True), ("Linear", 3, 2, True)], frozen=[0], trainable_only=True),
            model_case([("Linear", 4, 2, True)], frozen=[0]),
        ),
        cases=plans(frozen=True, trainable_only=(True, False)),
    ),
    Agrees(
        name="counts_shared_parameters_once",
        points=2,
        examples=(
            model_case([("Linear", 4, 4, True)], tied=0, trainable_only=False),
            model_case([("Linear", 3, 3, True), ("ReLU", 0, 0, True)], reused=0, trainable_only=False),
            model_case([("Linear", 2, 3, True), ("Linear", 3, 2, True)], frozen=[1], tied=1, nest=1),
        ),
        cases=plans(frozen=True, shared=True, trainable_only=(True, False)),
    ),
    Agrees(
        name="ignores_buffers",
        points=1,
        examples=(model_case([("Linear", 3, 4, True), ("BatchNorm1d", 4, 0, True)], trainable_only=False),),
        cases=plans(kinds=("Linear", "BatchNorm1d")),
        max_examples=10,
    ),
)
