"""Compare what the learner returned with what the reference returned.

Type first (exact: a subclass or an object with a rigged ``__eq__`` fails), then shape, dtype, device
and ``requires_grad``, then values as ``torch.testing.assert_close`` compares them. Containers are compared
item by item. The first difference found is returned as a :class:`~grader.i18n.Msg`; ``None`` means equal.

An :class:`Allowance` widens the allowed error of floating values, per element, by how far the
reference's own result moved under equally valid ways of computing it (grader.sensitivity).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch

from grader.i18n import Msg, say

# The first difference found, in the learner's words; ``where`` names the part ("result", "result[1]").
TYPE = say("{where}: expected a {expected}, got a {got}", "{where}：应返回 {expected}，实际返回了 {got}")
SHAPE = say(
    "{where}: expected shape {expected}, got shape {got}", "{where}：形状应为 {expected}，实际为 {got}"
)
DTYPE = say(
    "{where}: expected dtype {expected}, got dtype {got}",
    "{where}：数据类型（dtype）应为 {expected}，实际为 {got}",
)
DEVICE = say(
    "{where}: expected device {expected}, got device {got}", "{where}：设备应为 {expected}，实际为 {got}"
)
REQUIRES_GRAD = say(
    "{where}: expected requires_grad={expected}, got requires_grad={got}"
    " (use .detach() to return a plain tensor)",
    "{where}：requires_grad 应为 {expected}，实际为 {got}（可用 .detach() 返回不带梯度的张量）",
)
LENGTH = say(
    "{where}: expected {expected} items, got {got}", "{where}：应有 {expected} 个元素，实际有 {got} 个"
)
KEYS = say("{where}: expected keys {expected}, got keys {got}", "{where}：键应为 {expected}，实际为 {got}")
VALUE = say("{where}: expected {expected}, got {got}", "{where}：应为 {expected}，实际为 {got}")
VALUES = say(
    "{where}: {count} of {total} elements differ; worst at index {index}: expected {expected}, got {got}"
    " (abs diff {abs_diff}, allowed {allowed})",
    "{where}：{total} 个元素中有 {count} 个不一致；差距最大处在下标 {index}：应为 {expected}，实际为 {got}"
    "（绝对误差 {abs_diff}，允许 {allowed}）",
)
VALUE_WITHIN = say(
    "{where}: expected {expected}, got {got} (abs diff {abs_diff}, allowed {allowed})",
    "{where}：应为 {expected}，实际为 {got}（绝对误差 {abs_diff}，允许 {allowed}）",
)
# what the allowed error was derived from, where an Allowance was given
ALLOWED_SPREAD = say(
    "{fixed} + {margin} × {spread}, where {spread} is how far the reference's own result moved with"
    " {variants}",
    "{fixed} + {margin} × {spread}，其中 {spread} 是参考实现自身的结果在{variants}上的偏移",
)
ALLOWED_STILL = say(
    "{fixed}: the reference's own result did not move with {variants}",
    "{fixed}：参考实现自身的结果在{variants}上没有变化",
)
TUPLE_FROM_SIZE = say(
    "{where}: expected a tuple, got a {got} (convert it with tuple(...))",
    "{where}：应返回 tuple，实际返回了 {got}（用 tuple(...) 转换）",
)


@dataclass(frozen=True)
class Tolerance:
    """Allowed difference: ``|got - expected| <= atol + rtol * |expected|``.

    None means torch.testing's default for the dtype.
    """

    rtol: float | None = None
    atol: float | None = None

    def for_dtype(self, dtype: torch.dtype) -> tuple[float, float]:
        if self.rtol is not None and self.atol is not None:
            return self.rtol, self.atol
        # torch.testing's defaults; exact for integers and bools
        defaults = {
            torch.float16: (1e-3, 1e-5),
            torch.bfloat16: (1.6e-2, 1e-5),
            torch.float32: (1.3e-6, 1e-5),
            torch.float64: (1e-7, 1e-7),
        }
        rtol, atol = defaults.get(dtype, (0.0, 0.0))
        return (self.rtol if self.rtol is not None else rtol, self.atol if self.atol is not None else atol)


EXACT = Tolerance(0.0, 0.0)
DEFAULT = Tolerance()

# A learner's equally valid order rounds elsewhere than the reference and its variants do, with errors of
# the same size as theirs, not the same errors: the variants sample two orders of many, and the gap
# between two independent roundings runs to a few times one of them. 4 × covers that, while a real bug's
# error is the size of the values themselves, orders of magnitude above their rounding.
MARGIN = 4.0


@dataclass(frozen=True)
class Allowance:
    """Extra allowed error per element: ``|got - expected| <= atol + rtol·|expected| + MARGIN·spread``.

    ``spread`` has the expected value's structure: a float64 tensor of its shape where it is a floating
    tensor or array, a float where it is a float, tuples (by position) and dicts (by key) of those; None
    where values must match exactly (integers, bools). ``source`` says what it was derived from (shown in
    the failure message).
    """

    spread: Any
    source: Msg

    def at(self, key: Any) -> Allowance | None:
        """The allowance of an item of a container (None: that item has none)."""
        if self.spread is None:
            return None
        return Allowance(self.spread[key], self.source)


def type_name(value: Any) -> str:
    t = type(value)
    if t.__module__ in ("builtins", None):
        return t.__qualname__
    return f"{t.__module__}.{t.__qualname__}"


def _fmt(x: Any) -> str:
    if isinstance(x, float):
        return f"{x:.6g}"
    return repr(x)


def compare(
    expected: Any,
    got: Any,
    tol: Tolerance = Tolerance(),
    where: str = "result",
    allowance: Allowance | None = None,
) -> Msg | None:
    """The first way ``got`` differs from ``expected``, or None when they match."""
    if allowance is not None and allowance.spread is None:
        allowance = None
    if isinstance(expected, torch.Tensor):
        return _compare_tensor(expected, got, tol, where, allowance)
    if isinstance(expected, np.ndarray):
        if type(got) is not np.ndarray:
            return TYPE(where=where, expected="numpy.ndarray", got=type_name(got))
        if got.dtype != expected.dtype:
            return DTYPE(where=where, expected=str(expected.dtype), got=str(got.dtype))
        e, g = torch.from_numpy(expected.copy()), torch.from_numpy(got.copy())
        return _compare_tensor(e, g, tol, where, allowance)
    # Where a plain tuple, list or dict is expected, any subclass is one (a namedtuple, a torch.Size shape,
    # an OrderedDict, a defaultdict: a correct answer); a namedtuple expected is that type exactly.
    if isinstance(expected, tuple) and not hasattr(expected, "_fields"):
        if type(got) is torch.Size and type(expected) is tuple:
            got = tuple(got)  # a shape given as torch.Size is still a tuple of ints
        elif not _is_a(got, expected):
            message = TUPLE_FROM_SIZE if isinstance(got, torch.Size) else TYPE
            return message(where=where, expected=type_name(expected), got=type_name(got))
        return _compare_sequence(expected, got, tol, where, allowance)
    if isinstance(expected, list) or hasattr(expected, "_fields"):
        if not _is_a(got, expected):
            return TYPE(where=where, expected=type_name(expected), got=type_name(got))
        return _compare_sequence(expected, got, tol, where, allowance)
    if isinstance(expected, dict):
        if not _is_a(got, expected):
            return TYPE(where=where, expected="dict", got=type_name(got))
        if set(got) != set(expected):
            return KEYS(where=where, expected=sorted(map(str, expected)), got=sorted(map(str, got)))
        for key in expected:
            item = allowance.at(key) if allowance is not None else None
            problem = compare(expected[key], got[key], tol, f"{where}[{key!r}]", item)
            if problem:
                return problem
        return None
    if not _is_a(got, expected):
        return TYPE(where=where, expected=type_name(expected), got=type_name(got))
    if isinstance(expected, float):
        rtol = 1e-6 if tol.rtol is None else tol.rtol
        atol = 1e-6 if tol.atol is None else tol.atol
        same = (math.isnan(expected) and math.isnan(got)) or math.isclose(
            got, expected, rel_tol=rtol, abs_tol=atol
        )
        if same:
            return None
        if allowance is None:
            return VALUE(where=where, expected=_fmt(expected), got=_fmt(got))
        gap = abs(got - expected)
        if gap <= atol + rtol * abs(expected) + MARGIN * allowance.spread:
            return None
        return VALUE_WITHIN(
            where=where,
            expected=_fmt(expected),
            got=_fmt(got),
            abs_diff=_fmt(gap),
            allowed=_allowed(atol, rtol, allowance.spread, allowance.source),
        )
    if expected != got:
        return VALUE(where=where, expected=_fmt(expected), got=_fmt(got))
    return None


def _is_a(got: Any, expected: Any) -> bool:
    """``got`` has ``expected``'s type, or is an instance of it where that is a plain tuple, list, dict or
    float (numpy.float64 is a Python float)."""
    kind = type(expected)
    return type(got) is kind or (kind in (tuple, list, dict, float) and isinstance(got, kind))


def _compare_sequence(
    expected: Any, got: Any, tol: Tolerance, where: str, allowance: Allowance | None
) -> Msg | None:
    if len(got) != len(expected):
        return LENGTH(where=where, expected=len(expected), got=len(got))
    for i, (e, g) in enumerate(zip(expected, got, strict=True)):
        item = allowance.at(i) if allowance is not None else None
        problem = compare(e, g, tol, f"{where}[{i}]", item)
        if problem:
            return problem
    return None


def _compare_tensor(
    expected: torch.Tensor, got: Any, tol: Tolerance, where: str, allowance: Allowance | None = None
) -> Msg | None:
    if type(got) is not torch.Tensor:
        return TYPE(where=where, expected="torch.Tensor", got=type_name(got))
    if got.shape != expected.shape:
        return SHAPE(where=where, expected=tuple(expected.shape), got=tuple(got.shape))
    if got.dtype != expected.dtype:
        return DTYPE(where=where, expected=str(expected.dtype), got=str(got.dtype))
    if got.device != expected.device:
        return DEVICE(where=where, expected=str(expected.device), got=str(got.device))
    if got.requires_grad != expected.requires_grad:
        return REQUIRES_GRAD(where=where, expected=expected.requires_grad, got=got.requires_grad)
    if expected.device.type == "meta":
        return None  # a meta tensor has no values
    rtol, atol = tol.for_dtype(expected.dtype)
    e, g = expected.detach().cpu(), got.detach().cpu()
    if _all_close(e, g, rtol, atol):
        return None
    if not e.is_floating_point():
        allowance = None  # integers and bools are exact: no rounding to allow for
    return _value_mismatch(e, g, rtol, atol, where, allowance)


def _all_close(e: torch.Tensor, g: torch.Tensor, rtol: float, atol: float) -> bool:
    """``|g - e| <= atol + rtol·|e|`` everywhere (NaN where NaN is expected), as torch.testing.assert_close
    decides, without its cost (its first call imports torch._dynamo; every call builds its error report)."""
    if torch.equal(e, g):
        return True
    if e.dtype == torch.bool or not (e.is_floating_point() or e.is_complex() or rtol or atol):
        return False  # exact: a boolean, or an integer with no tolerance
    wide = torch.complex128 if e.is_complex() else torch.float64
    return bool(torch.isclose(g.to(wide), e.to(wide), rtol=rtol, atol=atol, equal_nan=True).all())


def _value_mismatch(
    e: torch.Tensor, g: torch.Tensor, rtol: float, atol: float, where: str, allowance: Allowance | None
) -> Msg | None:
    if e.dtype == torch.bool:
        e, g = e.to(torch.int8), g.to(torch.int8)
    wide = torch.float64 if not e.is_complex() else torch.complex128
    e64, g64 = e.to(wide), g.to(wide)
    bad = ~torch.isclose(g64, e64, rtol=rtol, atol=atol, equal_nan=True)
    diff = (g64 - e64).abs()
    if allowance is not None:
        bad &= ~(diff <= atol + rtol * e64.abs() + MARGIN * allowance.spread)
        if not bad.any():
            return None
    diff = diff.nan_to_num(nan=math.inf, posinf=math.inf)
    diff = torch.where(bad, diff, torch.zeros_like(diff))
    flat = int(diff.reshape(-1).argmax()) if diff.numel() else 0
    index = tuple(int(i) for i in np.unravel_index(flat, tuple(e.shape))) if e.dim() else ()
    exp_v, got_v = e64.reshape(-1)[flat].item(), g64.reshape(-1)[flat].item()
    allowed: str | Msg = f"{atol:.3g} + {rtol:.3g}·|expected|" if rtol else f"{atol:.3g}"
    if allowance is not None:
        spread = float(allowance.spread.reshape(-1)[flat]) if e.numel() else 0.0
        allowed = _allowed(atol, rtol, spread, allowance.source)
    return VALUES(
        where=where,
        count=int(bad.sum()),
        total=e.numel(),
        index=index,
        expected=_fmt(exp_v if e.is_floating_point() else int(exp_v)),
        got=_fmt(got_v if e.is_floating_point() else int(got_v)),
        abs_diff=_fmt(abs(got_v - exp_v)),
        allowed=allowed,
    )


def _allowed(atol: float, rtol: float, spread: float, source: Msg) -> Msg:
    """The allowed error at one element, and what it was derived from."""
    fixed = f"{atol:.3g} + {rtol:.3g}·|expected|" if rtol else f"{atol:.3g}"
    if spread == 0:
        return ALLOWED_STILL(fixed=fixed, variants=source)
    return ALLOWED_SPREAD(fixed=fixed, margin=f"{MARGIN:g}", spread=f"{spread:.2g}", variants=source)


def is_value_mismatch(problem: Msg | None) -> bool:
    """Whether ``problem`` is a difference of values alone (type, shape, dtype and device agreed): the one
    kind of failure the reference's own sensitivity may explain."""
    return problem is not None and problem.template in (VALUE, VALUES)
