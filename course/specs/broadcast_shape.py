"""Checks for broadcast_shape: the broadcast of two shapes, sizes of 0 included; else ValueError."""

from hypothesis import strategies as st

from grader.api import Agrees, Case, Raises
from grader.api import strategies as gs


def _pair(shape_a: tuple[int, ...], shape_b: tuple[int, ...]) -> Case:
    return Case.of(shape_a=shape_a, shape_b=shape_b)


def _pairs(shapes: st.SearchStrategy) -> st.SearchStrategy[Case]:
    return shapes.map(lambda s: _pair(tuple(s[0]), tuple(s[1])))


@st.composite
def _incompatible(draw: st.DrawFn) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Shapes that do not broadcast; sometimes the clash is a 0 against a size >= 2."""
    a, b = (list(s) for s in draw(gs.incompatible_shapes(max_dims=5)))
    if draw(st.booleans()):
        i = next(i for i in range(1, min(len(a), len(b)) + 1) if a[-i] != b[-i] and 1 not in (a[-i], b[-i]))
        a[-i] = 0
    if draw(st.booleans()):
        a, b = b, a
    return tuple(a), tuple(b)


CHECKS = (
    Agrees(
        name="matches_the_broadcast_rule",
        points=4,
        examples=(
            _pair((2, 3), (3,)),
            _pair((3, 1, 4), (2, 4)),
            _pair((4, 1), (1, 5)),
            _pair((), (2, 2)),
            _pair((5,), ()),
            _pair((), ()),
            _pair((1, 1, 1), (7,)),
            _pair((3, 3), (3,)),  # square
            _pair((2, 2), (4, 1, 1)),
        ),
        cases=_pairs(gs.broadcastable_shapes(max_dims=5, min_side=1, max_side=6)),
    ),
    Agrees(
        name="handles_sizes_of_zero",
        points=2,
        examples=(
            _pair((0,), (1,)),
            _pair((1,), (0,)),
            _pair((1, 0), (3, 1)),
            _pair((0, 3), (1, 3)),
            _pair((2, 0), (0,)),
        ),
        cases=_pairs(
            gs.broadcastable_shapes(max_dims=5, min_side=0, max_side=4).filter(lambda s: 0 in (*s[0], *s[1]))
        ),
    ),
    Raises(
        name="rejects_incompatible_shapes",
        points=3,
        error=ValueError,
        examples=(
            _pair((2, 3), (2,)),
            _pair((3,), (4,)),
            _pair((0,), (2,)),
            _pair((2, 1), (3, 4, 5)),
        ),
        cases=_pairs(_incompatible()),
    ),
)
