"""Checks for conv_output_shape: the Conv2d (+ MaxPool2d) shape formula, int or pair arguments, refusals."""

from hypothesis import strategies as st

from grader.api import Agrees, Case, Raises
from grader.api import strategies as gs


def _pair(v: int | tuple[int, int]) -> tuple[int, int]:
    return (v, v) if isinstance(v, int) else tuple(v)


def _side(size: int, kernel: int, stride: int, padding: int) -> int:
    return (size + 2 * padding - kernel) // stride + 1


def _fits(case: Case) -> bool:
    """Whether PyTorch accepts the case (used to steer generation to the valid or the invalid side)."""
    k = dict(case.named_args) | case.kwargs
    kh, kw = _pair(k["kernel_size"])
    sh, sw = _pair(k.get("stride", 1))
    ph, pw = _pair(k.get("padding", 0))
    h, w = _side(k["input_shape"][-2], kh, sh, ph), _side(k["input_shape"][-1], kw, sw, pw)
    if k.get("pool") is not None:
        qh, qw = _pair(k["pool"])
        h, w = _side(h, qh, qh, 0), _side(w, qw, qw, 0)
    return h >= 1 and w >= 1


def _maybe_pair(draw, values: st.SearchStrategy[int], pairs: bool):
    """An int, or with ``pairs`` sometimes a pair: two different values, or the same twice."""
    if pairs and draw(st.booleans()):
        return draw(st.one_of(st.tuples(values, values), values.map(lambda v: (v, v))))
    return draw(values)


@st.composite
def conv_cases(draw, pairs: bool = False, batched: bool = True, valid: bool = True):
    spatial = draw(gs.sizes(2, min_size=1, max_size=20))  # often square, or a side of 1
    channels = draw(st.integers(1, 4))
    shape = (draw(st.integers(0, 3)), channels, *spatial) if batched else (channels, *spatial)
    out_channels = draw(st.integers(1, 8))
    kernel = _maybe_pair(draw, st.integers(1, 7), pairs)
    kwargs = {}
    if draw(st.booleans()):
        kwargs["stride"] = _maybe_pair(draw, st.integers(1, 4), pairs)
    if draw(st.booleans()):
        kwargs["padding"] = _maybe_pair(draw, st.integers(0, 3), pairs)
    if draw(st.booleans()):
        kwargs["pool"] = _maybe_pair(draw, st.integers(1, 4), pairs)
    return Case.of(input_shape=shape, out_channels=out_channels, kernel_size=kernel, kwargs=kwargs)


def conv(input_shape, out_channels, kernel_size, **kwargs) -> Case:
    return Case.of(input_shape=input_shape, out_channels=out_channels, kernel_size=kernel_size, kwargs=kwargs)


CHECKS = (
    Agrees(
        name="matches_formula",
        points=6,
        examples=(
            conv((1, 1, 28, 28), 32, 3, padding=1, pool=2),  # 000 §4.3: (1, 32, 14, 14)
            conv((4, 3, 32, 32), 6, 5),
            conv((2, 3, 9, 7), 4, 3, stride=2, padding=1),
            conv((1, 2, 11, 11), 3, 2, pool=3),
        ),
        cases=conv_cases().filter(_fits),
    ),
    Agrees(
        name="accepts_pair_arguments",
        points=3,
        examples=(
            conv((2, 3, 10, 8), 4, (3, 1), stride=(2, 1), padding=(0, 2), pool=(2, 3)),
            conv((1, 1, 5, 6), 2, (5, 2)),
            conv((2, 3, 9, 9), 4, (3, 3), stride=(2, 2), padding=(2, 2), pool=(2, 2)),  # equal pairs
        ),
        cases=conv_cases(pairs=True).filter(_fits),
    ),
    Agrees(
        name="handles_unbatched_input",
        points=1,
        examples=(conv((1, 28, 28), 8, 3, padding=1, pool=2),),
        cases=conv_cases(pairs=True, batched=False).filter(_fits),
        max_examples=10,
    ),
    Raises(
        name="rejects_too_small_input",
        points=3,
        examples=(
            conv((1, 3, 5, 5), 4, 7),
            conv((1, 3, 5, 6), 4, (2, 7), padding=(0, 0)),
            conv((2, 1, 6, 6), 2, 3, pool=5),
            conv((1, 1, 4, 4), 2, 3, stride=2, pool=(1, 2)),
        ),
        cases=conv_cases(pairs=True).filter(lambda c: not _fits(c)),
    ),
    Raises(
        name="rejects_bad_arguments",
        points=2,
        examples=(
            conv((1, 3, 8, 8), 0, 3),
            conv((1, 3, 8, 8), 4, 0),
            conv((1, 3, 8, 8), 4, 3, stride=0),
            conv((1, 3, 8, 8), 4, 3, padding=-1),
            conv((1, 3, 8, 8), 4, 3, pool=0),
            conv((8, 8), 4, 3),
            conv((1, 1, 3, 8, 8), 4, 3),
        ),
    ),
)
