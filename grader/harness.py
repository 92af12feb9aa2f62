"""The learner's side of a check: call the code, and record what happened as plain facts.

Nothing here judges. ``observe`` returns an :class:`Outcome` (the value, or the error the learner's code
raised, plus which inputs it modified or aliased, and what forbidden APIs it was seen to use); the runner
compares it with the reference's.
"""

from __future__ import annotations

import contextlib
import functools
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch

from grader.cases import Case
from grader.gate.runtime import Tracer
from grader.i18n import say

Runner = Callable[[Callable[..., Any], Case], Any]
_CLOCK = time.perf_counter  # bound before any learner code exists

# What a call did, in the learner's words (the runner's judge and the timed races both say it).
RAISED = say("your code raised {error}", "你的代码抛出了异常 {error}")
NOT_IMPLEMENTED = say(
    "your code still raises NotImplementedError here: finish this part of the exercise",
    "你的代码在这里仍然抛出 NotImplementedError：请完成这部分练习",
)
MUTATED = say(
    "your code modified its input {names}; inputs must stay unchanged (work on a copy, e.g. .clone())",
    "你的代码修改了输入 {names}；输入必须保持不变（请在副本上操作，例如 .clone()）",
)


def call(fn: Callable[..., Any], case: Case) -> Any:
    """The default way a check runs an exercise: call it with the case's arguments."""
    return fn(*case.args, **case.kwargs)


# torch's C tensor type and the switch that turns every TorchFunctionMode off, bound before any learner
# code exists: ``torch.Tensor`` is a Python class whose methods learner code can rebind, and while a mode
# is active even a C method's call is handed to ``torch.Tensor``'s attribute of that name
_TENSOR = torch._C.TensorBase
_NO_MODES = torch._C.DisableTorchFunction


def read_attribute(tensor: Any, name: str) -> Any:
    """A tensor's own attribute (``requires_grad``, ``grad``, ``shape``, ``dtype``, ...), read from torch's C
    type with every mode off: what a submission made ``torch.Tensor`` say about it does not count. A tensor
    found this way (``grad``) still crosses to the trusted side through :func:`read_values`.

    >>> read_attribute(torch.ones(1, requires_grad=True), "requires_grad")
    True
    """
    with _NO_MODES():
        return _TENSOR.__dict__[name].__get__(tensor, _TENSOR)


def read_values(tensor: Any) -> np.ndarray:
    """A copy of a tensor's values as a NumPy array, read through torch's own C methods with every mode
    off: what a check's ``run`` sends back when the reading must not be the learner's to rewrite (methods of
    ``torch.Tensor``, or a spec's helpers, rebound by the submission). TypeError when it is no tensor.

    >>> read_values(torch.arange(3))
    array([0, 1, 2])
    """
    with _NO_MODES():
        values = _TENSOR.detach(tensor)
        if _TENSOR.__getattribute__(values, "device").type != "cpu":
            values = _TENSOR.cpu(values)
        return _TENSOR.numpy(_TENSOR.resolve_neg(_TENSOR.resolve_conj(values))).copy()


@dataclass(frozen=True)
class LearnerError:
    """An exception raised by the learner's code, with only the learner's own frames."""

    type: str
    message: str
    where: str  # formatted frames from the learner's files only (empty when none)
    # the names of its class's ancestors: a learner's ShapeError(ValueError) is a ValueError, which the
    # trusted side must see without the learner's class (it is defined in the sandboxed child)
    bases: tuple[str, ...] = ()

    def summary(self) -> str:
        text = f"{self.type}: {self.message}" if self.message else self.type
        return text if len(text) <= 500 else text[:500] + "…"


@dataclass(frozen=True)
class Outcome:
    value: Any = None
    error: LearnerError | None = None
    not_implemented: bool = False
    mutated: tuple[str, ...] = ()
    aliased: tuple[str, ...] = ()
    # runtime evidence for the forbidden-API gate (grader.gate.runtime): plain dicts of str/int, the last
    # one the trace's own status; empty when the call was not traced (no forbidden list)
    evidence: tuple[dict[str, str | int], ...] = ()
    # how long the run took by the trusted side's clock: in-process, around ``run(fn, case)``; sandboxed, the
    # parent's clock around the whole request (never a time the child reports), so at least the run's time
    seconds: float = 0.0


class LearnerFault(Exception):
    """The learner's code took down its whole exercise: a timeout, a crash, an exit, a limit.

    ``status`` is the exercise's status in reports (timeout, memory, crashed, exited, output_limit).
    """

    def __init__(self, status: str, detail: str) -> None:
        super().__init__(f"{status}: {detail}")
        self.status = status
        self.detail = detail


def observe(
    run: Runner,
    fn: Callable[..., Any],
    case: Case,
    learner_root: Path | None = None,
    forbidden: Sequence[str] = (),
) -> Outcome:
    """Run ``run(fn, case)`` and record its value or error, and what it did to the inputs.

    With a ``forbidden`` list (and the ``learner_root`` whose files are the learner's), the call is traced
    and the Outcome carries the evidence of what it used (:mod:`grader.gate.runtime`).
    """
    before = case.inputs()
    snapshot = case.clone().inputs()
    tracer = Tracer(forbidden, learner_root) if forbidden and learner_root is not None else None
    start = _CLOCK()
    try:
        with tracer if tracer is not None else contextlib.nullcontext():
            value = run(fn, case)
    except NotImplementedError as e:
        return Outcome(error=learner_error(e, learner_root), not_implemented=True, evidence=_evidence(tracer))
    except (Exception, SystemExit) as e:
        return Outcome(error=learner_error(e, learner_root), evidence=_evidence(tracer))
    mutated = tuple(name for name, v in before.items() if not identical(v, snapshot[name]))
    seconds = _CLOCK() - start
    aliased = tuple(name for name, v in before.items() if _shares_memory(value, v))
    return Outcome(value=value, mutated=mutated, aliased=aliased, evidence=_evidence(tracer), seconds=seconds)


def _evidence(tracer: Tracer | None) -> tuple[dict[str, str | int], ...]:
    return tracer.evidence() if tracer is not None else ()


@functools.lru_cache(maxsize=1024)
def _resolved(filename: str) -> Path:
    """A frame's file, resolved once: a check that expects an error sees the same frames on every case."""
    return Path(filename).resolve()


def learner_error(e: BaseException, learner_root: Path | None) -> LearnerError:
    frames = traceback.extract_tb(e.__traceback__)
    if learner_root is not None:
        root = _resolved(str(learner_root))
        frames = traceback.StackSummary.from_list(
            [f for f in frames if _resolved(f.filename).is_relative_to(root)]
        )
    where = "".join(frames.format()).rstrip() if frames else ""
    bases = tuple(cls.__name__ for cls in type(e).__mro__[1:] if cls is not object)
    return LearnerError(type=type(e).__name__, message=str(e), where=where, bases=bases)


# What the observations below read through: torch's and NumPy's C types, with every mode off, and the few
# names they need, bound before any learner code exists (in the learner's process, ``torch.equal``,
# ``np.array_equal``, ``torch.Tensor``'s methods and properties are the learner's to rebind)
_TORCH_TENSOR = torch.Tensor
_STORAGE = torch._C.StorageBase
_SHAPE, _DTYPE, _DEVICE = (_TENSOR.__dict__[name].__get__ for name in ("shape", "dtype", "device"))
_UINT8, _BOOL, _CONTIGUOUS = torch.uint8, torch.bool, torch.contiguous_format
_ARRAY_SHAPE, _ARRAY_DTYPE = (np.ndarray.__dict__[name].__get__ for name in ("shape", "dtype"))
_ARRAY_BYTES = np.ndarray.tobytes


def identical(now: Any, before: Any) -> bool:
    """Whether an input is as it was: bit for bit for tensors and arrays, item by item in containers."""
    if isinstance(before, _TENSOR):
        if not isinstance(now, _TENSOR):
            return False
        with _NO_MODES():
            if _SHAPE(now) != _SHAPE(before) or _DTYPE(now) != _DTYPE(before):
                return False
            if _DEVICE(before).type == "meta":
                return True
            return _same_bits(_TENSOR.detach(now), _TENSOR.detach(before))
    if isinstance(before, np.ndarray):
        return (
            isinstance(now, np.ndarray)
            and _ARRAY_SHAPE(now) == _ARRAY_SHAPE(before)
            and _ARRAY_DTYPE(now) == _ARRAY_DTYPE(before)
            and _ARRAY_BYTES(now) == _ARRAY_BYTES(before)
        )
    if isinstance(before, list | tuple):
        return (
            isinstance(now, list | tuple)
            and len(now) == len(before)
            and all(identical(n, b) for n, b in zip(now, before, strict=True))
        )
    if isinstance(before, dict):
        return (
            isinstance(now, dict)
            and now.keys() == before.keys()
            and all(identical(now[k], before[k]) for k in before)
        )
    return True  # numbers, strings, None: immutable


def _same_bits(a: torch.Tensor, b: torch.Tensor) -> bool:
    """Bit-for-bit equal (NaN equals itself, -0.0 differs from 0.0): far cheaper than assert_close."""
    with _NO_MODES():
        if _DEVICE(a) != _DEVICE(b):
            return False
        if _TENSOR.numel(a) == 0:
            return True
        flat_a = _TENSOR.clone(_TENSOR.reshape(a, (-1,)), memory_format=_CONTIGUOUS)
        flat_b = _TENSOR.clone(_TENSOR.reshape(b, (-1,)), memory_format=_CONTIGUOUS)
        if _DTYPE(a) == _BOOL:
            return _TENSOR.equal(flat_a, flat_b)
        return _TENSOR.equal(_TENSOR.view(flat_a, _UINT8), _TENSOR.view(flat_b, _UINT8))


def _buffers(value: Any, depth: int = 0) -> list[tuple[int, int]]:
    """(start, end) address ranges of the memory behind every tensor/array inside ``value``."""
    # exact types only: the learner's value may be a subclass whose every method lies
    if depth > 20:
        return []
    if type(value) is _TORCH_TENSOR:
        with _NO_MODES():
            if _DEVICE(value).type == "meta" or _TENSOR.numel(value) == 0:
                return []
            storage = _TENSOR.untyped_storage(value)
            start = _STORAGE.data_ptr(storage)
            return [(start, start + _STORAGE.nbytes(storage))]
    if type(value) is np.ndarray:
        if value.size == 0:
            return []
        base = value
        while isinstance(base.base, np.ndarray):
            base = base.base
        start = base.__array_interface__["data"][0]
        return [(start, start + base.nbytes)]
    if type(value) is list:
        items = list.__iter__(value)
    elif type(value) is tuple or (isinstance(value, tuple) and hasattr(type(value), "_fields")):
        items = tuple.__iter__(value)
    elif type(value) is dict:
        items = iter(dict.values(value))
    else:
        return []
    return [r for v in items for r in _buffers(v, depth + 1)]


def _shares_memory(result: Any, argument: Any) -> bool:
    return any(
        a_start < b_end and b_start < a_end
        for a_start, a_end in _buffers(result)
        for b_start, b_end in _buffers(argument)
    )
