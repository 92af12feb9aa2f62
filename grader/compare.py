"""Compare what the learner returned with what the reference returned.

Type first (exact: a subclass or an object with a rigged ``__eq__`` fails), then shape, dtype, device
and ``requires_grad``, then values through ``torch.testing.assert_close``. Containers are compared
item by item. The first difference found is returned as a :class:`~grader.i18n.Msg`; ``None`` means equal.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch

from grader.i18n import Msg, msg


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


def type_name(value: Any) -> str:
    t = type(value)
    if t.__module__ in ("builtins", None):
        return t.__qualname__
    return f"{t.__module__}.{t.__qualname__}"


def _fmt(x: Any) -> str:
    if isinstance(x, float):
        return f"{x:.6g}"
    return repr(x)


def compare(expected: Any, got: Any, tol: Tolerance = Tolerance(), where: str = "result") -> Msg | None:
    """The first way ``got`` differs from ``expected``, or None when they match."""
    if isinstance(expected, torch.Tensor):
        return _compare_tensor(expected, got, tol, where)
    if isinstance(expected, np.ndarray):
        if type(got) is not np.ndarray:
            return msg("type", where=where, expected="numpy.ndarray", got=type_name(got))
        if got.dtype != expected.dtype:
            return msg("dtype", where=where, expected=str(expected.dtype), got=str(got.dtype))
        return _compare_tensor(torch.from_numpy(expected.copy()), torch.from_numpy(got.copy()), tol, where)
    if isinstance(expected, tuple) and not hasattr(expected, "_fields"):
        if type(got) is torch.Size and type(expected) is tuple:
            got = tuple(got)  # a shape given as torch.Size is still a tuple of ints
        elif type(got) is not type(expected):
            key = "tuple_from_size" if isinstance(got, torch.Size) else "type"
            return msg(key, where=where, expected=type_name(expected), got=type_name(got))
        return _compare_sequence(expected, got, tol, where)
    if isinstance(expected, list) or hasattr(expected, "_fields"):
        if type(got) is not type(expected):
            return msg("type", where=where, expected=type_name(expected), got=type_name(got))
        return _compare_sequence(expected, got, tol, where)
    if isinstance(expected, dict):
        if type(got) is not dict:
            return msg("type", where=where, expected="dict", got=type_name(got))
        if set(got) != set(expected):
            return msg("keys", where=where, expected=sorted(map(str, expected)), got=sorted(map(str, got)))
        for key in expected:
            problem = compare(expected[key], got[key], tol, f"{where}[{key!r}]")
            if problem:
                return problem
        return None
    if type(got) is not type(expected):
        return msg("type", where=where, expected=type_name(expected), got=type_name(got))
    if isinstance(expected, float):
        rtol = 1e-6 if tol.rtol is None else tol.rtol
        atol = 1e-6 if tol.atol is None else tol.atol
        same = (math.isnan(expected) and math.isnan(got)) or math.isclose(
            got, expected, rel_tol=rtol, abs_tol=atol
        )
        return None if same else msg("value", where=where, expected=_fmt(expected), got=_fmt(got))
    if expected != got:
        return msg("value", where=where, expected=_fmt(expected), got=_fmt(got))
    return None


def _compare_sequence(expected: Any, got: Any, tol: Tolerance, where: str) -> Msg | None:
    if len(got) != len(expected):
        return msg("length", where=where, expected=len(expected), got=len(got))
    for i, (e, g) in enumerate(zip(expected, got, strict=True)):
        problem = compare(e, g, tol, f"{where}[{i}]")
        if problem:
            return problem
    return None


def _compare_tensor(expected: torch.Tensor, got: Any, tol: Tolerance, where: str) -> Msg | None:
    if type(got) is not torch.Tensor:
        return msg("type", where=where, expected="torch.Tensor", got=type_name(got))
    if got.shape != expected.shape:
        return msg("shape", where=where, expected=tuple(expected.shape), got=tuple(got.shape))
    if got.dtype != expected.dtype:
        return msg("dtype", where=where, expected=str(expected.dtype), got=str(got.dtype))
    if got.device != expected.device:
        return msg("device", where=where, expected=str(expected.device), got=str(got.device))
    if got.requires_grad != expected.requires_grad:
        return msg("requires_grad", where=where, expected=expected.requires_grad, got=got.requires_grad)
    if expected.device.type == "meta":
        return None  # a meta tensor has no values
    rtol, atol = tol.for_dtype(expected.dtype)
    e, g = expected.detach().cpu(), got.detach().cpu()
    try:
        torch.testing.assert_close(g, e, rtol=rtol, atol=atol, equal_nan=True)
        return None
    except AssertionError:
        return _value_mismatch(e, g, rtol, atol, where)


def _value_mismatch(e: torch.Tensor, g: torch.Tensor, rtol: float, atol: float, where: str) -> Msg:
    if e.dtype == torch.bool:
        e, g = e.to(torch.int8), g.to(torch.int8)
    wide = torch.float64 if not e.is_complex() else torch.complex128
    e64, g64 = e.to(wide), g.to(wide)
    bad = ~torch.isclose(g64, e64, rtol=rtol, atol=atol, equal_nan=True)
    diff = (g64 - e64).abs().nan_to_num(nan=math.inf, posinf=math.inf)
    diff = torch.where(bad, diff, torch.zeros_like(diff))
    flat = int(diff.reshape(-1).argmax()) if diff.numel() else 0
    index = tuple(int(i) for i in np.unravel_index(flat, tuple(e.shape))) if e.dim() else ()
    exp_v, got_v = e64.reshape(-1)[flat].item(), g64.reshape(-1)[flat].item()
    allowed = f"{atol:.3g} + {rtol:.3g}·|expected|" if rtol else f"{atol:.3g}"
    return msg(
        "values",
        where=where,
        count=int(bad.sum()),
        total=e.numel(),
        index=index,
        expected=_fmt(exp_v if e.is_floating_point() else int(exp_v)),
        got=_fmt(got_v if e.is_floating_point() else int(got_v)),
        abs_diff=_fmt(abs(got_v - exp_v)),
        allowed=allowed,
    )
