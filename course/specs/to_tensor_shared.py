"""Checks for to_tensor_shared: same values and dtype, and memory shared with the array both ways."""

import numpy as np
import torch
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from grader.api import Agrees, Case, Holds, say
from grader.api import strategies as gs

NP_DTYPES = (
    np.float64,
    np.float32,
    np.float16,
    np.int64,
    np.int32,
    np.int16,
    np.int8,
    np.uint8,
    np.bool_,
)


def _elements(dtype: np.dtype) -> st.SearchStrategy:
    if dtype.kind == "b":
        return st.booleans()
    if dtype.kind == "f":
        return hnp.from_dtype(
            dtype, min_value=-10, max_value=10, allow_nan=False, allow_infinity=False, allow_subnormal=False
        )
    info = np.iinfo(dtype)
    return st.integers(max(-100, int(info.min)), min(100, int(info.max)))


@st.composite
def arrays(draw) -> np.ndarray:
    """An array of any supported dtype: contiguous, or a transposed (non-contiguous) view."""
    dtype = np.dtype(draw(st.sampled_from(NP_DTYPES)))
    shape = draw(gs.shapes(max_dims=3, max_side=4))
    if len(shape) >= 2 and draw(st.booleans()):
        # stored with the axes reversed, then viewed back: same shape, non-contiguous strides
        stored = draw(hnp.arrays(dtype, shape[::-1], elements=_elements(dtype)))
        return stored.T
    return draw(hnp.arrays(dtype, shape, elements=_elements(dtype)))


def _ramp(*shape: int, dtype=np.float64) -> np.ndarray:
    return np.arange(int(np.prod(shape)), dtype=np.float64).reshape(shape).astype(dtype)


def _changed(a: np.ndarray, by: int) -> np.ndarray:
    """Values of a's dtype that differ from a's everywhere."""
    if a.dtype.kind == "b":
        return np.asarray(~a if by % 2 else a.copy())
    return np.asarray(a + by).astype(a.dtype)


# Methods of torch's C tensor type, called with every TorchFunctionMode off: nothing the learner rebinds
# reaches them (``torch.Tensor``'s attributes and functions such as ``np.array_equal`` are the learner's to
# rebind in its process, and a mode hands a C method's call to ``torch.Tensor``'s attribute of that name).
# Bound when the spec loads, before any learner code.
_TENSOR = torch._C.TensorBase
_NO_MODES = torch._C.DisableTorchFunction


def write_both_ways(fn, case: Case) -> dict:
    """Write into the array and read the tensor, then write into the tensor and read the array.

    Runs in the learner's process, so it only observes: it returns the raw readings (copies of the values
    each side held after the other was written), and the judge, in the trusted process, compares them with
    the values it computes itself. It reads through numpy's and torch's C methods, which the learner cannot
    rebind; a learner who rebinds anything else only changes what was written, which then fails."""
    a = case["a"]
    t = fn(a)
    seen: dict = {"type": type(t).__name__}
    try:
        with _NO_MODES():
            seen["shape"] = tuple(_TENSOR.size(t))
            a[...] = _changed(a, 1)
            seen["tensor_after_array_write"] = _TENSOR.numpy(_TENSOR.detach(t)).copy()
            _TENSOR.copy_(_TENSOR.detach(t), _TENSOR.new_tensor(t, _changed(a, 1)))
            seen["array_after_tensor_write"] = a.copy()
    except (TypeError, RuntimeError, ValueError) as e:  # not a tensor, or not one of a's shape
        seen["error"] = f"{type(e).__name__}: {e}"[:300]
    return seen


def shares_both_ways(case: Case, seen: dict):
    """Judged in the trusted process, from the readings: the values the writes must have shown."""
    a = case["a"]
    if seen.get("shape") != a.shape or seen.get("type") != "Tensor":
        shape = f" of shape {seen['shape']}" if "shape" in seen else ""
        shape_zh = f"，形状为 {seen['shape']}" if "shape" in seen else ""
        return say(
            f"expected a torch.Tensor of shape {a.shape}, got {seen.get('type')}{shape}",
            f"应返回形状为 {a.shape} 的 torch.Tensor，实际得到 {seen.get('type')}{shape_zh}",
        )
    if "error" in seen:
        return say(
            f"writing into the array and into your tensor failed: {seen['error']}",
            f"向数组和你的张量写入时出错：{seen['error']}",
        )
    if a.size == 0:
        return None  # nothing to write: no way to tell
    first = _changed(a, 1)
    second = _changed(first, 1)
    array_to_tensor = _same(seen.get("tensor_after_array_write"), first)
    tensor_to_array = _same(seen.get("array_after_tensor_write"), second)
    if array_to_tensor and tensor_to_array:
        return None
    if not array_to_tensor and not tensor_to_array:
        return say(
            "your tensor is a copy: a write into the array did not show in the tensor, nor a write into the"
            " tensor in the array. Wrap the array's memory instead of copying it (no dtype change, no"
            " making it contiguous).",
            "你的张量是一份副本：往数组里写入的值在张量中看不到，往张量里写入的值在数组中也看不到。"
            "请直接包装数组的内存，而不是复制（不要转换 dtype，也不要先把数组变成连续的）。",
        )
    direction = (
        ("array → tensor", "数组 → 张量") if not array_to_tensor else ("tensor → array", "张量 → 数组")
    )
    return say(
        f"memory is shared only one way: a write {direction[0]} did not show on the other side",
        f"内存只在一个方向上共享：{direction[1]} 的写入在另一边看不到",
    )


def _same(seen: object, expected: np.ndarray) -> bool:
    """Exactly the expected values, of its shape (the reading crossed the wire as plain data)."""
    return type(seen) is np.ndarray and seen.shape == expected.shape and bool(np.array_equal(seen, expected))


CHECKS = (
    Agrees(
        name="matches_values",
        points=3,
        fresh_output=False,  # sharing the array's memory is the point
        examples=(
            Case.of(a=_ramp(2, 3)),
            Case.of(a=np.array(7.5)),
            Case.of(a=np.empty((0, 3), dtype=np.float32)),
            Case.of(a=_ramp(3, 4).T),
        ),
        cases=gs.cases(a=arrays()),
    ),
    Agrees(
        name="keeps_dtype",
        points=2,
        fresh_output=False,
        examples=tuple(
            Case.of(a=_ramp(2, 2, dtype=d) if d is not np.bool_ else _ramp(2, 2) > 1) for d in NP_DTYPES
        ),
    ),
    Holds(
        name="shares_memory_both_ways",
        points=5,
        may_modify_inputs=True,  # the check itself writes into the array
        run=write_both_ways,
        judge=shares_both_ways,
        examples=(
            Case.of(a=_ramp(2, 3)),
            Case.of(a=_ramp(3, 2, dtype=np.int32).T),
            Case.of(a=np.array(1.5, dtype=np.float32)),
        ),
        cases=gs.cases(a=arrays()),
    ),
)
