"""grader.strategies: the generated tensors have the promised shapes, values and layouts."""

import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from grader import strategies as gs


@settings(max_examples=60, deadline=None)
@given(gs.tensors(shape=gs.shapes(min_dims=2, max_dims=3, min_side=1), dtype=gs.dtypes(), low=-2, high=2))
def test_tensors_are_finite_bounded_and_sometimes_non_contiguous(t: torch.Tensor) -> None:
    assert t.dtype in gs.FLOAT_DTYPES
    assert torch.isfinite(t).all() and (t.abs() <= 2).all()


def test_non_contiguous_views_are_generated() -> None:
    seen = set()

    @settings(max_examples=80, deadline=None, database=None)
    @given(gs.tensors(shape=(3, 4)))
    def collect(t):
        seen.add(t.is_contiguous())

    collect()
    assert seen == {True, False}


@settings(max_examples=50, deadline=None)
@given(gs.distinct_sizes(4))
def test_distinct_sizes_are_distinct(sizes) -> None:
    assert len(set(sizes)) == 4


@settings(max_examples=50, deadline=None)
@given(gs.broadcastable_shapes())
def test_broadcastable_shapes_broadcast(shapes) -> None:
    torch.broadcast_shapes(*shapes)


@settings(max_examples=50, deadline=None)
@given(gs.incompatible_shapes())
def test_incompatible_shapes_do_not_broadcast(shapes) -> None:
    try:
        torch.broadcast_shapes(*shapes)
    except RuntimeError:
        return
    raise AssertionError(f"{shapes} broadcast")


@settings(max_examples=20, deadline=None)
@given(gs.cases(a=st.integers(), b=gs.tensors(shape=(2,), dtype=torch.int64, low=0, high=3)))
def test_cases_keep_argument_order(case) -> None:
    assert [name for name, _ in case.named_args] == ["a", "b"]
