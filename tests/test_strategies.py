"""grader.strategies: the generated tensors have the promised shapes, values and layouts."""

import pytest
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


@settings(max_examples=100, deadline=None)
@given(gs.sizes(3, min_size=(2, 0, 1), max_size=5))
def test_sizes_keep_their_bounds(sizes) -> None:
    rows, k, m = sizes
    assert rows >= 2 and k >= 0 and m >= 1 and max(sizes) <= 5


def test_sizes_are_mostly_distinct_and_often_at_a_corner() -> None:
    seen: list[tuple[int, ...]] = []

    @settings(max_examples=100, deadline=None, database=None)
    @given(gs.sizes(3, min_size=0))
    def collect(sizes):
        seen.append(sizes)

    collect()
    distinct = [s for s in seen if len(set(s)) == 3]
    assert len(distinct) >= 0.4 * len(seen), seen  # a swapped axis still changes the shape most of the time
    assert any(len(set(s)) == 2 for s in seen), seen  # two sizes equal: a square, inner == outer
    assert any(len(set(s)) == 1 and s[0] > 1 for s in seen), seen  # all equal
    assert any(1 in s for s in seen) and any(0 in s for s in seen), seen


def test_sizes_refuse_bounds_with_no_room() -> None:
    with pytest.raises(ValueError, match="no room"):
        gs.sizes(4, min_size=1, max_size=3)
    with pytest.raises(ValueError, match="one min_size per size"):
        gs.sizes(2, min_size=(1, 1, 1))


def test_tied_tensors_repeat_a_few_values() -> None:
    seen = {"contiguous": set(), "tied rows": 0}

    @settings(max_examples=40, deadline=None, database=None)
    @given(gs.tied_tensors((4, 3), gs.dtypes(), values=(-1, 0, 1)))
    def collect(t):
        assert set(t.flatten().tolist()) <= {-1.0, 0.0, 1.0} and t.dtype in gs.FLOAT_DTYPES
        seen["contiguous"].add(t.is_contiguous())
        seen["tied rows"] += int(((t == t.amax(dim=1, keepdim=True)).sum(dim=1) > 1).any())

    collect()
    assert seen["contiguous"] == {True, False}
    assert seen["tied rows"] >= 20  # a row with its maximum twice, in most draws


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
