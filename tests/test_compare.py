"""grader.compare: type first, then shape/dtype/device, then values; exact types only."""

import math
from collections import namedtuple

import numpy as np
import pytest
import torch

from grader import compare as messages
from grader.compare import EXACT, MARGIN, Allowance, Tolerance, compare, is_value_mismatch
from grader.i18n import say


def key(problem):
    """Which of grader.compare's messages the problem is (its constant's name, lower case)."""
    if problem is None:
        return None
    return next(name.lower() for name, value in vars(messages).items() if value == problem.template)


def test_equal_tensors_match() -> None:
    assert compare(torch.ones(2, 3), torch.ones(2, 3)) is None


@pytest.mark.parametrize(
    ("got", "expected_key"),
    [
        (torch.ones(3, 2), "shape"),
        (torch.ones(2, 3, dtype=torch.float64), "dtype"),
        (torch.ones(2, 3, device="meta"), "device"),
        (torch.ones(2, 3, requires_grad=True), "requires_grad"),
        (np.ones((2, 3), dtype=np.float32), "type"),
        ([[1.0] * 3] * 2, "type"),
        (torch.nn.Parameter(torch.ones(2, 3), requires_grad=False), "type"),
    ],
)
def test_metadata_is_checked_before_values(got, expected_key) -> None:
    assert key(compare(torch.ones(2, 3), got)) == expected_key


def test_value_mismatch_names_count_worst_index_and_tolerance() -> None:
    expected = torch.zeros(2, 3)
    got = expected.clone()
    got[1, 2] = 5.0
    got[0, 0] = 1.0
    problem = compare(expected, got)
    assert key(problem) == "values"
    assert problem.params["count"] == 2 and problem.params["index"] == (1, 2)
    text = problem.render("en")
    assert "2 of 6 elements differ" in text and "index (1, 2)" in text and "got 5" in text


def test_tolerance_is_respected() -> None:
    assert compare(torch.tensor([1.0]), torch.tensor([1.01]), Tolerance(rtol=0.0, atol=0.1)) is None
    assert key(compare(torch.tensor([1.0]), torch.tensor([1.01]), EXACT)) == "values"


def test_nan_matches_nan_only() -> None:
    assert compare(torch.tensor([math.nan]), torch.tensor([math.nan])) is None
    assert key(compare(torch.tensor([0.0]), torch.tensor([math.nan]))) == "values"
    assert key(compare(1.0, math.nan)) == "value"


class RiggedTensor(torch.Tensor):
    def __eq__(self, other):
        return True


class AlwaysEqual:
    def __eq__(self, other):
        return True


def test_subclasses_and_rigged_eq_fail() -> None:
    assert key(compare(torch.ones(2), torch.zeros(2).as_subclass(RiggedTensor))) == "type"
    assert key(compare(3, AlwaysEqual())) == "type"
    assert key(compare((1, 2), AlwaysEqual())) == "type"


def test_python_types_are_exact() -> None:
    assert key(compare(1.5, torch.tensor(1.5))) == "type"
    assert key(compare(1, True)) == "type"
    assert key(compare(1.0, 1)) == "type"
    assert compare(0.1 + 0.2, 0.3) is None


def test_containers_are_compared_item_by_item() -> None:
    problem = compare({"w": torch.ones(2), "b": torch.zeros(())}, {"w": torch.ones(2), "b": torch.zeros(1)})
    assert key(problem) == "shape" and problem.params["where"] == "result['b']"
    assert key(compare((1, 2), (1, 2, 3))) == "length"
    assert key(compare({"a": 1}, {"b": 1})) == "keys"
    assert key(compare((1, 2), [1, 2])) == "type"


def test_torch_size_counts_as_a_tuple_of_ints() -> None:
    assert compare((2, 3), torch.Size([2, 3])) is None


def test_namedtuple_type_must_match() -> None:
    Point = namedtuple("Point", "x y")
    assert compare(Point(1, 2), Point(1, 2)) is None
    assert key(compare(Point(1, 2), (1, 2))) == "type"


def test_meta_tensors_compare_metadata_only() -> None:
    assert compare(torch.empty(2, device="meta"), torch.empty(2, device="meta")) is None


def test_numpy_arrays() -> None:
    assert compare(np.arange(3.0), np.arange(3.0)) is None
    assert key(compare(np.arange(3.0), np.arange(3, dtype=np.float32))) == "dtype"
    assert key(compare(np.arange(3.0), torch.arange(3.0))) == "type"


def test_messages_render_in_both_languages() -> None:
    problem = compare(torch.ones(2, 3), torch.ones(3, 2))
    assert problem.render("en") == "result: expected shape (2, 3), got shape (3, 2)"
    assert problem.render("zh") == "result：形状应为 (2, 3)，实际为 (3, 2)"


def test_subclasses_of_a_plain_container_are_that_container() -> None:
    """A correct OrderedDict (mlp_backward), namedtuple (column_stats) or list subclass once scored 0."""
    from collections import OrderedDict, defaultdict

    t = torch.ones(2)
    assert compare({"a": t}, OrderedDict(a=t.clone())) is None
    assert compare({"a": t}, defaultdict(list, a=t.clone())) is None
    Stats = namedtuple("Stats", "mean std")
    assert compare((t, t), Stats(t.clone(), t.clone())) is None
    assert compare([1, 2], type("Row", (list,), {})([1, 2])) is None
    # the other way round, and across kinds, the type still matters
    assert compare(Stats(t, t), (t, t)) is not None
    assert compare([1, 2], (1, 2)) is not None
    assert compare((1, 2), [1, 2]) is not None
    assert compare({"a": 1}, [("a", 1)]) is not None


# -- an allowance from the reference's own sensitivity (grader.sensitivity) ---------------------------------

MOVED = say("a contiguous copy", "连续副本")
TIGHT = Tolerance(rtol=0.0, atol=1e-6)


def test_an_allowance_widens_each_element_by_margin_times_its_spread() -> None:
    expected, got = torch.tensor([1.0, 2.0, 3.0]), torch.tensor([1.0, 2.0 + 1e-3, 3.0])
    assert key(compare(expected, got, TIGHT)) == "values"
    spread = torch.tensor([0.0, 1e-3 / MARGIN, 0.0], dtype=torch.float64)
    assert compare(expected, got, TIGHT, allowance=Allowance(spread, MOVED)) is None
    # the spread of one element allows nothing at another
    elsewhere = torch.tensor([1e-3, 0.0, 1e-3], dtype=torch.float64)
    problem = compare(expected, got, TIGHT, allowance=Allowance(elsewhere, MOVED))
    assert key(problem) == "values" and problem.params["index"] == (1,)
    # just short of the difference still fails
    short = spread * 0.9
    assert key(compare(expected, got, TIGHT, allowance=Allowance(short, MOVED))) == "values"


def test_the_message_says_what_the_allowed_error_was_derived_from() -> None:
    expected, got = torch.tensor([0.05426]), torch.tensor([0.05426 + 1e-4])
    problem = compare(expected, got, TIGHT, allowance=Allowance(torch.tensor([3.1e-7]).double(), MOVED))
    text = problem.render("en")
    assert text.endswith(
        "(abs diff 9.9998e-05, allowed 1e-06 + 4 × 3.1e-07, where 3.1e-07 is how far the reference's own"
        " result moved with a contiguous copy)"
    )
    zh = problem.render("zh")
    assert "其中 3.1e-07 是参考实现自身的结果在连续副本上的偏移" in zh and "4 × 3.1e-07" in zh
    still = compare(expected, got, TIGHT, allowance=Allowance(torch.zeros(1).double(), MOVED)).render("en")
    assert "allowed 1e-06: the reference's own result did not move with a contiguous copy" in still


def test_an_allowance_reaches_items_of_containers_and_python_floats() -> None:
    expected = {"losses": [0.5, 0.25], "state": (torch.ones(2),)}
    got = {"losses": [0.5, 0.25 + 1e-4], "state": (torch.ones(2) + torch.tensor([0.0, 1e-4]),)}
    assert key(compare(expected, got, TIGHT)) == "value"
    spread = {"losses": (0.0, 1e-4 / MARGIN), "state": (torch.tensor([0.0, 1e-4 / MARGIN]).double(),)}
    assert compare(expected, got, TIGHT, allowance=Allowance(spread, MOVED)) is None
    spread["losses"] = (0.0, 1e-6)
    problem = compare(expected, got, TIGHT, allowance=Allowance(spread, MOVED))
    assert key(problem) == "value_within" and problem.params["where"] == "result['losses'][1]"
    assert "4 × 1e-06" in problem.render("en")


def test_exact_dtypes_never_get_an_allowance() -> None:
    huge = Allowance(torch.full((2,), 100.0, dtype=torch.float64), MOVED)
    assert key(compare(torch.tensor([1, 2]), torch.tensor([1, 3]), allowance=huge)) == "values"
    assert key(compare(torch.tensor([True, False]), torch.tensor([True, True]), allowance=huge)) == "values"
    assert key(compare(3, 4, allowance=Allowance(None, MOVED))) == "value"


def test_nan_and_metadata_are_not_excused_by_an_allowance() -> None:
    huge = Allowance(torch.full((2,), 1e9, dtype=torch.float64), MOVED)
    assert key(compare(torch.zeros(2), torch.tensor([0.0, math.nan]), allowance=huge)) == "values"
    assert key(compare(torch.zeros(2), torch.zeros(3), allowance=huge)) == "shape"
    assert key(compare(torch.zeros(2), torch.zeros(2).double(), allowance=huge)) == "dtype"


def test_only_a_difference_of_values_is_a_value_mismatch() -> None:
    assert is_value_mismatch(compare(torch.zeros(2), torch.ones(2)))
    assert is_value_mismatch(compare(0.0, 1.0))
    assert not is_value_mismatch(compare(torch.zeros(2), torch.zeros(3)))
    assert not is_value_mismatch(compare(torch.zeros(2), [0.0, 0.0]))
    assert not is_value_mismatch(None)
