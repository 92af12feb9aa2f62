"""How far the reference's own result moves, on one input, under equally valid ways of computing it.

A correct learner may compute in another order than the reference (a contiguous copy of the batch,
another summation order, float64 accumulation, a fused op). On a well-conditioned input that changes the
last bits only, and the check's fixed tolerance absorbs it; on an ill-conditioned one (BatchNorm over
identical rows, a variance of 0, a long rollout) the same rounding is amplified far past it. So when a
value comparison fails, the reference is run again on *variants* of the case that must give the same
answer (:func:`variants`), and its own deviation per element (:func:`spread`) widens the allowed error
(a grader.compare.Allowance).

Trusted side only: variants are built from the case, the runs are the reference's, and nothing the
learner's code returned goes into the allowance.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch

from grader.cases import Case
from grader.compare import Allowance
from grader.i18n import Msg, say

RELAID = say("the inputs in another memory layout", "换一种内存布局的输入")
WIDENED = say("the inputs in float64", "换成 float64 的输入")
NARROW_FLOATS = (torch.float16, torch.bfloat16, torch.float32)


@dataclass(frozen=True)
class Variant:
    """A case equivalent to the one judged, and what changed, for the failure message."""

    case: Case
    described: Msg


def relaid(value: Any) -> Any:
    """The same values in another memory layout: a non-contiguous tensor as a contiguous copy; a
    contiguous one of two or more elements as a non-contiguous view (column-major, or every other
    element of a buffer twice its size when column-major is the same layout)."""
    return _map_tensors(value, _relay)


def widened(value: Any) -> Any:
    """float16, bfloat16 and float32 tensors promoted to float64 (exact: every value is representable)."""
    return _map_tensors(value, _widen)


def variants(case: Case) -> list[Variant]:
    """The case relaid and the case widened, each where that changes something. None where tensors of
    the case share memory: each variant copies them apart, which may change what the call computes."""
    if _aliased(case.inputs()):
        return []
    found = []
    for change, described in ((relaid, RELAID), (widened, WIDENED)):
        other = Case(
            tuple((name, change(v)) for name, v in case.named_args),
            {k: change(v) for k, v in case.kwargs.items()},
            dict(case.setup),
        )
        if _changed(case.inputs(), other.inputs()):
            found.append(Variant(other, described))
    return found


def spread(observe: Callable[[Case], Any], case: Case, expected: Any) -> Allowance | None:
    """Run ``observe`` (the trusted reference's run: a Case to its Outcome) on each variant of ``case``;
    per element, the largest deviation of its result from ``expected`` (see compare.Allowance). A variant
    that raises, or whose result has another structure or shape, tells nothing about rounding and is left
    out; None when none is left."""
    deviation = _zeros(expected)
    used = []
    for variant in variants(case):
        outcome = observe(variant.case)
        if outcome.error is not None or outcome.not_implemented:
            continue
        moved = _deviation(expected, outcome.value)
        if moved is _MISMATCH:
            continue
        deviation = _larger(deviation, moved)
        used.append(variant.described)
    if not used:
        return None
    return Allowance(deviation, _joined(used))


def _joined(parts: list[Msg]) -> Msg:
    """Descriptions shown as one: "a / b"."""
    names = [f"part{i}" for i in range(len(parts))]
    template = " / ".join("{" + name + "}" for name in names)
    return Msg(template, template, dict(zip(names, parts, strict=True)))


# -- building variants ----------------------------------------------------------------------------------


def _map_tensors(value: Any, change: Callable[[torch.Tensor], torch.Tensor]) -> Any:
    if isinstance(value, torch.Tensor):
        return change(value) if type(value) is torch.Tensor else value  # a Parameter, a subclass: as is
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return type(value)(*(_map_tensors(v, change) for v in value))
    if type(value) in (list, tuple):
        return type(value)(_map_tensors(v, change) for v in value)
    if type(value) is dict:
        return {k: _map_tensors(v, change) for k, v in value.items()}
    return value


def _relay(t: torch.Tensor) -> torch.Tensor:
    if t.layout != torch.strided or t.device.type == "meta" or t.numel() < 2:
        return t
    data = t.detach()
    if not data.is_contiguous():
        out = data.contiguous()
    else:
        backwards = tuple(reversed(range(data.dim())))
        out = data.permute(backwards).contiguous().permute(backwards)
        if out.is_contiguous():  # one dimension of size > 1: column-major is row-major
            strides = [2 * s for s in torch.empty(data.shape, device="meta").stride()]
            out = torch.empty_strided(data.shape, strides, dtype=data.dtype, device=data.device)
            out.copy_(data)
    return out.requires_grad_(t.requires_grad) if t.requires_grad else out


def _widen(t: torch.Tensor) -> torch.Tensor:
    if t.dtype not in NARROW_FLOATS or t.device.type == "meta":
        return t
    out = t.detach().to(torch.float64)
    return out.requires_grad_(t.requires_grad) if t.requires_grad else out


def _aliased(inputs: dict[str, Any]) -> bool:
    storages = [t.untyped_storage().data_ptr() for t in _tensors(inputs) if t.device.type != "meta"]
    storages = [p for p in storages if p]  # an empty tensor has no memory to share
    return len(storages) != len(set(storages))


def _tensors(value: Any) -> Iterator[torch.Tensor]:
    if isinstance(value, torch.Tensor):
        yield value
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _tensors(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _tensors(v)


def _changed(before: dict[str, Any], after: dict[str, Any]) -> bool:
    return any(_differs(before[name], after[name]) for name in before)


def _differs(a: Any, b: Any) -> bool:
    if isinstance(a, torch.Tensor):
        return a is not b
    if isinstance(a, list | tuple):
        return any(_differs(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return any(_differs(a[k], b[k]) for k in a)
    return False


# -- measuring the spread -------------------------------------------------------------------------------

_MISMATCH = object()  # a variant's result shaped unlike the expected value


def _zeros(expected: Any) -> Any:
    """An allowance of 0 everywhere a value may get one."""
    if isinstance(expected, torch.Tensor):
        if expected.is_floating_point() and expected.device.type != "meta":
            return torch.zeros(expected.shape, dtype=torch.float64)
        return None
    if isinstance(expected, np.ndarray):
        return torch.zeros(expected.shape, dtype=torch.float64) if expected.dtype.kind == "f" else None
    if isinstance(expected, float):
        return 0.0
    if isinstance(expected, list | tuple):
        return tuple(_zeros(v) for v in expected)  # compare reads an allowance by position only
    if isinstance(expected, dict):
        return {k: _zeros(v) for k, v in expected.items()}
    return None


def _deviation(expected: Any, other: Any) -> Any:
    """|other - expected| per element in float64 (non-finite: 0), or _MISMATCH."""
    if isinstance(expected, torch.Tensor | np.ndarray):
        if type(other) is not type(expected) or tuple(other.shape) != tuple(expected.shape):
            return _MISMATCH
        allowance = _zeros(expected)
        if allowance is None:
            return None
        e, o = (_float64(v) for v in (expected, other))
        if o is None:
            return _MISMATCH
        return (o - e).abs().nan_to_num(nan=0.0, posinf=0.0, neginf=0.0)
    if isinstance(expected, float):
        if not isinstance(other, float):
            return _MISMATCH
        gap = abs(float(other) - float(expected))
        return gap if math.isfinite(gap) else 0.0
    if isinstance(expected, list | tuple):
        if not isinstance(other, list | tuple) or len(other) != len(expected):
            return _MISMATCH
        parts = [_deviation(e, o) for e, o in zip(expected, other, strict=True)]
        return _MISMATCH if any(p is _MISMATCH for p in parts) else tuple(parts)
    if isinstance(expected, dict):
        if not isinstance(other, dict) or other.keys() != expected.keys():
            return _MISMATCH
        parts = {k: _deviation(expected[k], other[k]) for k in expected}
        return _MISMATCH if any(p is _MISMATCH for p in parts.values()) else parts
    return None


def _float64(value: Any) -> torch.Tensor | None:
    t = torch.from_numpy(np.array(value)) if isinstance(value, np.ndarray) else value.detach()
    if t.device.type == "meta" or t.is_complex():
        return None
    return t.cpu().to(torch.float64)


def _larger(a: Any, b: Any) -> Any:
    """Element-wise maximum of two allowances of one structure (None: no allowance there)."""
    if a is None or b is None:
        return None
    if isinstance(a, torch.Tensor):
        return torch.maximum(a, b)
    if isinstance(a, float):
        return max(a, b)
    if isinstance(a, dict):
        return {k: _larger(a[k], b[k]) for k in a}
    return tuple(_larger(x, y) for x, y in zip(a, b, strict=True))
