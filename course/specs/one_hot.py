"""Checks for one_hot: float32 one-hot rows for labels of any shape, and ValueError outside [0, C)."""

import torch
from hypothesis import strategies as st

from grader.api import Agrees, Case, Raises
from grader.api import strategies as gs


@st.composite
def labelled(draw, shape=None):
    c = draw(st.integers(1, 6))
    if shape is None:
        shape = gs.shapes(max_dims=3, max_side=4)
    labels = draw(gs.tensors(shape, torch.int64, low=0, high=c - 1))
    return Case.of(labels=labels, num_classes=c)


@st.composite
def out_of_range(draw):
    c = draw(st.integers(1, 6))
    shape = draw(gs.shapes(min_dims=1, max_dims=3, min_side=1, max_side=4))
    flat = draw(gs.tensors(shape, torch.int64, low=0, high=c - 1)).reshape(-1).clone()
    flat[draw(st.integers(0, flat.numel() - 1))] = draw(st.sampled_from((c, c + 1, -1, -c, 10 * c)))
    return Case.of(labels=flat.reshape(shape), num_classes=c)


def _l(*values: int) -> torch.Tensor:
    return torch.tensor(values, dtype=torch.int64)


CHECKS = (
    Agrees(
        name="matches_reference",
        points=4,
        examples=(Case.of(labels=_l(0, 2, 1, 2), num_classes=3), Case.of(labels=_l(4), num_classes=5)),
        cases=labelled(shape=st.integers(1, 8).map(lambda n: (n,))),
    ),
    Agrees(
        name="handles_any_shape",
        points=3,
        examples=(
            Case.of(labels=torch.tensor(1), num_classes=3),
            Case.of(labels=torch.tensor([[0, 1, 2], [2, 2, 0]]), num_classes=4),
            Case.of(labels=torch.zeros(0, dtype=torch.int64), num_classes=3),
            Case.of(labels=torch.zeros(2, 0, dtype=torch.int64), num_classes=2),
        ),
        cases=labelled(),
    ),
    Raises(
        name="rejects_out_of_range",
        points=3,
        error=ValueError,
        examples=(
            Case.of(labels=_l(0, 3), num_classes=3),
            Case.of(labels=_l(-1, 1), num_classes=3),
            Case.of(labels=torch.tensor(5), num_classes=5),
        ),
        cases=out_of_range(),
    ),
)
