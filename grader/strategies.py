"""Hypothesis strategies for tensors, built on ``hypothesis.extra.numpy``.

Shapes may have 0-d and zero-size sides; values are finite and bounded; tensors come contiguous or as
non-contiguous views (transposed or strided) with the same values. Use :func:`sizes` for named
dimensions: mostly different sizes, so that a transposition bug changes the shape and shows, and often
the corners where a bug hides from different sizes (two sizes equal, a size of 1 or 0).
:func:`tied_tensors` draws from a few values, so that ties and repeated values are everywhere.

>>> from hypothesis import given
>>> @given(tensors(shape=(2, 3)))
... def test(t):
...     assert t.shape == (2, 3)
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np
import torch
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from grader.cases import Case

__all__ = [
    "FLOAT_DTYPES",
    "broadcastable_shapes",
    "cases",
    "distinct_sizes",
    "dtypes",
    "incompatible_shapes",
    "shapes",
    "sizes",
    "tensors",
    "tied_tensors",
]

FLOAT_DTYPES = (torch.float32, torch.float64)
_NUMPY = {
    torch.float16: np.float16,
    torch.float32: np.float32,
    torch.float64: np.float64,
    torch.int8: np.int8,
    torch.int16: np.int16,
    torch.int32: np.int32,
    torch.int64: np.int64,
    torch.uint8: np.uint8,
    torch.bool: np.bool_,
}


def _kept(make):
    """Give back the strategy already built for the same arguments. Specs call these inside their own
    composites, on every draw; Hypothesis validates each new strategy object on its first draw, which cost
    more than the draw itself. Same arguments, same strategy: the draws are the same. Unhashable arguments
    (a list of sizes) build a new one, as before."""
    kept = functools.lru_cache(maxsize=4096)(make)

    @functools.wraps(make)
    def strategy(*args, **kwargs):
        try:
            hash((args, tuple(kwargs.items())))
        except TypeError:  # an unhashable argument
            return make(*args, **kwargs)
        return kept(*args, **kwargs)

    return strategy


@_kept
def dtypes(choices: Sequence[torch.dtype] = FLOAT_DTYPES) -> st.SearchStrategy[torch.dtype]:
    return st.sampled_from(tuple(choices))


@_kept
def shapes(
    min_dims: int = 0, max_dims: int = 4, min_side: int = 0, max_side: int = 5
) -> st.SearchStrategy[tuple[int, ...]]:
    return hnp.array_shapes(min_dims=min_dims, max_dims=max_dims, min_side=min_side, max_side=max_side)


def distinct_sizes(n: int, min_size: int = 1, max_size: int = 6) -> st.SearchStrategy[tuple[int, ...]]:
    """``n`` different sizes, one per named dimension, so swapped dimensions change the shape."""
    return st.lists(st.integers(min_size, max_size), min_size=n, max_size=n, unique=True).map(tuple)


# What sizes() draws, by weight: all different in about half of the draws (a swapped axis changes the
# shape there); else a corner. Hypothesis shrinks towards the first, so a failure is shown on different
# sizes when it shows there too.
SIZE_DRAWS = ("distinct",) * 5 + ("equal", "equal", "same", "one", "zero")


@_kept
def sizes(n: int, min_size: int | Sequence[int] = 1, max_size: int = 6) -> st.SearchStrategy[tuple[int, ...]]:
    """``n`` sizes, one per named dimension: all different about half of the time, so a swapped axis
    changes the shape; otherwise a corner where a bug can hide from different sizes: two sizes equal (a
    square matrix, an inner size equal to an outer one), all equal, a size of 1, or a size of 0.

    ``min_size`` bounds every size, or each one (``(2, 0)``: two rows or more, any number of columns);
    a corner never goes below it, so a size of 0 comes only where a bound allows it.

    >>> from hypothesis import given
    >>> @given(sizes(3, min_size=(1, 0, 1), max_size=4))
    ... def test(s):
    ...     n, k, m = s
    ...     assert n >= 1 and k >= 0 and m >= 1 and max(s) <= 4
    >>> test()
    """
    lows = (min_size,) * n if isinstance(min_size, int) else tuple(min_size)
    if len(lows) != n or max_size - max(1, min(lows)) + 1 < n:
        raise ValueError(
            f"sizes({n}, min_size={min_size!r}, max_size={max_size}): no room for {n} different sizes"
            f" (give one min_size per size, and max_size at least n + min_size - 1)"
        )
    return _sizes(lows, max_size)


@st.composite
def _sizes(draw: st.DrawFn, lows: tuple[int, ...], max_size: int) -> tuple[int, ...]:
    n = len(lows)
    out: list[int] = []
    for low in lows:  # different sizes first; 0 only as a corner
        out.append(draw(st.sampled_from([v for v in range(max(low, 1), max_size + 1) if v not in out])))
    kind = draw(st.sampled_from(SIZE_DRAWS))
    if kind == "equal" and n >= 2:
        i, j = draw(st.permutations(range(n)))[:2]
        out[j] = max(out[i], lows[j])
    elif kind == "same":
        out = [max(out)] * n
    elif kind in ("one", "zero"):
        value = 1 if kind == "one" else 0
        allowed = [i for i in range(n) if lows[i] <= value]
        if allowed:
            out[draw(st.sampled_from(allowed))] = value
    return tuple(out)


def broadcastable_shapes(
    num_shapes: int = 2, min_dims: int = 0, max_dims: int = 4, min_side: int = 0, max_side: int = 4
) -> st.SearchStrategy[tuple[tuple[int, ...], ...]]:
    """Shapes that broadcast together (PyTorch and NumPy share the rules)."""
    return hnp.mutually_broadcastable_shapes(
        num_shapes=num_shapes, min_dims=min_dims, max_dims=max_dims, min_side=min_side, max_side=max_side
    ).map(lambda s: s.input_shapes)


@st.composite
def incompatible_shapes(draw: st.DrawFn, max_dims: int = 4) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Two shapes that do not broadcast: some aligned side differs and neither is 1."""
    a = list(draw(shapes(min_dims=1, max_dims=max_dims, min_side=1)))
    b = list(draw(shapes(min_dims=1, max_dims=max_dims, min_side=1)))
    i = draw(st.integers(1, min(len(a), len(b))))
    size = draw(st.integers(2, 5))
    a[-i], b[-i] = size, draw(st.integers(2, 6).filter(lambda s: s != size))
    return tuple(a), tuple(b)


@_kept
def _arrays(dtype: torch.dtype, shape: tuple[int, ...], low: float, high: float) -> st.SearchStrategy:
    """The numpy arrays behind a tensor; kept, since building and validating a strategy costs more than
    drawing from it, and the same few shapes come back on every draw."""
    return hnp.arrays(_NUMPY[dtype], shape, elements=_elements(dtype, low, high))


def _elements(dtype: torch.dtype, low: float, high: float) -> st.SearchStrategy:
    np_dtype = np.dtype(_NUMPY[dtype])
    if dtype == torch.bool:
        return st.booleans()
    if dtype.is_floating_point:
        return hnp.from_dtype(
            np_dtype,
            min_value=low,
            max_value=high,
            allow_nan=False,
            allow_infinity=False,
            allow_subnormal=False,
        )
    info = np.iinfo(np_dtype)
    return st.integers(max(int(low), int(info.min)), min(int(high), int(info.max)))


@_kept
@st.composite
def tensors(
    draw: st.DrawFn,
    shape: tuple[int, ...] | st.SearchStrategy[tuple[int, ...]] | None = None,
    dtype: torch.dtype | st.SearchStrategy[torch.dtype] = torch.float32,
    low: float = -10.0,
    high: float = 10.0,
    layouts: bool = True,
) -> torch.Tensor:
    """A CPU tensor with finite values in [low, high]; with ``layouts``, sometimes a non-contiguous view."""
    if shape is None:
        shape = shapes()
    if isinstance(shape, st.SearchStrategy):
        shape = draw(shape)
    if isinstance(dtype, st.SearchStrategy):
        dtype = draw(dtype)
    shape = tuple(shape)
    layout = draw(st.sampled_from(("contiguous", "transposed", "strided"))) if layouts else "contiguous"
    if layout == "transposed" and len(shape) >= 2:
        # store transposed, then view back: same values and shape, non-contiguous strides
        stored = (*shape[:-2], shape[-1], shape[-2])
        array = draw(_arrays(dtype, stored, low, high))
        return torch.from_numpy(array.copy()).transpose(-1, -2)
    if layout == "strided" and len(shape) >= 1:
        stored = (*shape[:-1], 2 * shape[-1])
        array = draw(_arrays(dtype, stored, low, high))
        return torch.from_numpy(array.copy())[..., ::2]
    array = draw(_arrays(dtype, shape, low, high))
    return torch.from_numpy(array.copy())


def tied_tensors(
    shape: tuple[int, ...] | st.SearchStrategy[tuple[int, ...]],
    dtype: torch.dtype | st.SearchStrategy[torch.dtype] = torch.float32,
    values: Sequence[float] = (-2, -1, 0, 1, 2),
    layouts: bool = True,
) -> st.SearchStrategy[torch.Tensor]:
    """A tensor whose elements all come from ``values``: ties and repeated values everywhere (a row's
    maximum taken twice, a constant column).

    >>> from hypothesis import given
    >>> @given(tied_tensors((4, 3), values=(0.5, 1.5)))
    ... def test(t):
    ...     assert set(t.flatten().tolist()) <= {0.5, 1.5}
    >>> test()
    """
    table = torch.tensor(values, dtype=torch.float64)

    def lookup(indices: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
        out = torch.empty_strided(indices.shape, indices.stride(), dtype=dtype)
        return out.copy_(table[indices])  # keeps the drawn layout

    index = tensors(shape, torch.int64, low=0, high=len(values) - 1, layouts=layouts)
    return st.tuples(index, dtype if isinstance(dtype, st.SearchStrategy) else st.just(dtype)).map(
        lambda drawn: lookup(*drawn)
    )


def cases(**arguments: st.SearchStrategy) -> st.SearchStrategy[Case]:
    """Cases whose positional arguments are drawn from the given strategies, in order."""
    names = list(arguments)
    return st.tuples(*arguments.values()).map(lambda values: Case(tuple(zip(names, values, strict=True))))
