"""Recording wrappers: stand-ins for what a forbidden list names that the runtime record's
``TorchFunctionMode`` cannot see (NumPy and other functions outside torch, the construction of classes
written in Python such as ``torch.optim.SGD``, NumPy ufuncs and their methods).

A wrapper reports each call to the ``on_call`` it was installed with (:mod:`grader.gate.runtime` decides
whether a trace is active and whether the call counts) and then calls the original. Every place a wrapper
was installed is a :class:`Site`, so the trace's canary can check that none was put back.
"""

from __future__ import annotations

import functools
import sys
import types
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch

from grader.gate.patterns import Patterns, is_missing, resolve

OnCall = Callable[[str, str], None]  # (api, library) of a call a wrapper saw
_NAME_HOMES = ("numpy", "numpy.linalg", "numpy.fft", "numpy.lib.stride_tricks", "copy", "operator")


@dataclass(frozen=True)
class Site:
    """One place a wrapper was installed: ``namespace.name`` (a module's or a class's attribute)."""

    namespace: Any
    name: str
    wrapper: Any
    api: str

    @property
    def label(self) -> str:
        return f"{getattr(self.namespace, '__name__', '?')}.{self.name}"

    def intact(self) -> bool:
        return vars(self.namespace).get(self.name) is self.wrapper


SITES: list[Site] = []
_WRAPPED: dict[int, Any] = {}  # id(original) -> wrapper (the original is kept alive by the wrapper)
_WRAPPERS: set[int] = set()  # ids of the wrappers: a later prepare() finds them where originals were


def targets(patterns: Patterns) -> list[tuple[Any, str]]:
    """(callable, api name) for what the mode cannot see: functions outside torch, and the construction
    of classes written in Python (``torch.optim.SGD``). Not torch's functions (the mode sees them), except
    the few in Python that never reach a mode, when a pattern names one exactly. Never C classes such as
    ``numpy.ndarray`` or ``pickle.Pickler`` (a stand-in would change what every library creates), never
    ufuncs (their methods would be lost)."""
    found: list[tuple[Any, str]] = []
    for pattern in patterns.dotted:
        obj = resolve(pattern)
        if is_missing(obj) or pattern.startswith(("torch.autograd", "torch.func")):
            continue  # the mode sees what computes gradients; torch.no_grad lives in there too
        torch_pattern = pattern.split(".", 1)[0] == "torch"
        if isinstance(obj, types.ModuleType):
            members = [(v, f"{pattern}.{k}") for k, v in vars(obj).items() if not k.startswith("_")]
            candidates = [(v, api) for v, api in members if _defined_in(v, pattern)]
        elif torch_pattern and _unseen_by_the_mode(obj):  # torch.broadcast_shapes, named exactly
            candidates, torch_pattern = [(obj, pattern)], False
        else:
            candidates = [(obj, pattern)]
        found += [
            (v, api) for v, api in candidates if _python_init(v) or (not torch_pattern and _plain_function(v))
        ]
    for name in patterns.attrs:
        for home in _NAME_HOMES:
            module = sys.modules.get(home)
            obj = vars(module).get(name) if module is not None else None
            if obj is not None and (_plain_function(obj) or isinstance(obj, np.ufunc)):
                found.append((obj, f"{home}.{name}"))
    return found


def _unseen_by_the_mode(obj: Any) -> bool:
    """A torch function written in Python that never dispatches to a TorchFunctionMode (it takes no
    tensors: ``torch.broadcast_shapes``)."""
    return isinstance(obj, types.FunctionType) and id(obj) not in _overridable()


@functools.cache
def _overridable() -> frozenset[int]:
    return frozenset(id(f) for fs in torch.overrides.get_overridable_functions().values() for f in fs)


def _defined_in(obj: Any, module: str) -> bool:
    owner = getattr(obj, "__module__", None) or ""
    return owner == module or owner.startswith(module + ".") or owner == "_" + module


def _python_init(obj: Any) -> bool:
    """A class with an ``__init__`` of its own written in Python (not an exception: raising one is not
    using an API): wrapped in place, so subclasses and isinstance checks stay as they were."""
    return (
        isinstance(obj, type)
        and not issubclass(obj, BaseException)
        and isinstance(vars(obj).get("__init__"), types.FunctionType)
    )


def _plain_function(obj: Any) -> bool:
    """A function, a builtin or one of NumPy's dispatchers."""
    return (
        callable(obj) and not isinstance(obj, type | np.ufunc | types.ModuleType) and hasattr(obj, "__name__")
    )


def wrap(target: Any, api: str, on_call: OnCall) -> None:
    """Install a recording wrapper of ``target`` wherever its library names it (once per target)."""
    if id(target) in _WRAPPERS:
        return
    if isinstance(target, type):
        if id(target) not in _WRAPPED:
            wrapper = _WRAPPED[id(target)] = _recording(vars(target)["__init__"], api + ".__init__", on_call)
            target.__init__ = wrapper
            SITES.append(Site(target, "__init__", wrapper, api))
        return
    wrapper = _WRAPPED.get(id(target))
    if wrapper is None:  # else: a module imported since may still name the original
        recording = _RecordingUfunc if isinstance(target, np.ufunc) else _recording
        wrapper = _WRAPPED[id(target)] = recording(target, api, on_call)
        _WRAPPERS.add(id(wrapper))
    library = api.split(".", 1)[0]
    for name, module in list(sys.modules.items()):
        if module is None or not (name == library or name.startswith(library + ".") or name == "_" + library):
            continue
        for key, value in list(vars(module).items()):
            if value is target:
                setattr(module, key, wrapper)
                SITES.append(Site(module, key, wrapper, api))


def _recording(original: Callable[..., Any], api: str, on_call: OnCall) -> Callable[..., Any]:
    library = api.split(".", 1)[0]

    def recording(*args: Any, **kwargs: Any) -> Any:
        on_call(api, library)
        return original(*args, **kwargs)

    functools.update_wrapper(recording, original)
    del recording.__wrapped__  # not a way back to the unrecorded original
    return recording


class _RecordingUfunc:
    """A stand-in for a NumPy ufunc a forbidden list names (``numpy.matmul``), in NumPy's namespaces: a
    ufunc cannot be wrapped in place, and its methods (``reduce``, ``outer``...) are other ways to call it.
    Everything else is the ufunc's own (``numpy.matmul.signature``)."""

    _METHODS = frozenset({"reduce", "accumulate", "reduceat", "outer", "at"})

    def __init__(self, ufunc: np.ufunc, api: str, on_call: OnCall) -> None:
        self._ufunc, self._api, self._on_call = ufunc, api, on_call
        self._call = _recording(ufunc, api, on_call)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._call(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._ufunc, name)
        return _recording(value, self._api, self._on_call) if name in self._METHODS else value

    def __repr__(self) -> str:
        return repr(self._ufunc)
