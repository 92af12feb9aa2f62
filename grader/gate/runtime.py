"""What the learner's code actually called while a graded call ran, recorded as plain data.

A :class:`Tracer` is active around one graded call of an exercise with a forbidden list
(:func:`grader.harness.observe`; in-process, or inside the sandbox's child). It listens on three channels:

- a ``TorchFunctionMode``: every torch function, Tensor method and property (``Tensor.grad.__get__``, the
  ``requires_grad`` setter), ``Tensor.backward``, ``torch.autograd.grad``/``backward`` (which
  ``torch.func`` reaches), ``torch.ops.aten.*``;
- recording wrappers (:mod:`grader.gate.wrappers`), installed by :func:`prepare` before the learner's
  file loads (so ``from numpy import dot`` binds one), around the NumPy and other functions a forbidden
  list names outside torch (the mode sees torch's), and around ``__init__`` of the Python classes it
  names (``torch.optim.SGD``);
- an audit hook (one per process, it cannot be removed): attempts to switch the others off
  (``sys.setprofile``, ``sys._getframe``, ``gc``, ``ctypes``, rebinding attributes of torch's types) and
  unpickling (``pickle.find_class``).

What none of them can see is refused instead (an ``unseen`` record, which fails the gate): code of the
learner's that torch calls back while the mode's handler runs (a callable handed to a torch function,
``Tensor.apply_``, ``register_hook``; a ``__torch_function__`` of the learner's own Tensor subclass), and
code in another thread or process. Every thread started through ``threading`` after :func:`prepare` carries a
profile function: while a call is traced, learner code running there, or a forbidden torch function
called there, is recorded; a thread or process the learner's code starts during a traced call is too.

A use counts only when the nearest frame outside the API's own library is the learner's (a file under
the graded root, or code the learner ran through ``exec``): a forbidden API reached inside the grader,
the reference, or another library the learner legitimately called (``torch.save`` pickles) never does.

Every traced call ends with a canary: a torch call the mode must see, and every wrapper still in place.
A failed canary is recorded as a broken trace, and the trusted side fails the gate on it, as it does when a
call's evidence is missing or malformed (see :mod:`grader.gate.verdict`).
"""

from __future__ import annotations

import functools
import linecache
import site
import sys
import sysconfig
import threading
import types
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from torch.overrides import TorchFunctionMode, resolve_name

from grader.gate import wrappers
from grader.gate.patterns import Patterns

USE, TAMPER, UNSEEN, TRACE = "use", "tamper", "unseen", "trace"
# what an unseen record's api says: where the learner's code ran out of the record's sight
CALLBACK, HANDLER, THREAD, PROCESS = "callback", "__torch_function__", "thread", "process"
OK, BROKEN = "ok", "broken"
# what a broken trace record's detail may say; the trusted side adds "missing" and "malformed"
TRACE_PROBLEMS = ("mode_removed", "canary_unseen", "wrappers_removed")
MAX_RECORDS = 50  # per call: enough to show, bounded so a loop cannot flood the wire
_GRADER = Path(__file__).resolve().parent.parent
# the trace's own frames, and the grader's own TorchFunctionModes, stand between a learner's call and the
# API it reaches: they are looked through, never counted
_MECHANISM = (Path(__file__).resolve(), Path(wrappers.__file__).resolve(), _GRADER / "guards.py")
_OWN_BUSINESS = frozenset({"torch", "numpy"})  # libraries whose calls into other libraries are their own
_CANARY = torch.empty
_TAMPER_EVENTS = frozenset(
    {
        "sys.setprofile",
        "sys.settrace",
        "sys._getframe",
        "sys._current_frames",
        "sys.addaudithook",
        "threading.setprofile",
        "gc.get_objects",
        "gc.get_referrers",
        "gc.get_referents",
        "object.__setattr__",
        "object.__delattr__",
    }
)
_PROCESS_EVENTS = frozenset(
    {"os.fork", "os.forkpty", "os.posix_spawn", "os.exec", "os.spawn", "subprocess.Popen"}
)
_GUARDED_TYPES = ("torch", "numpy", "grader", "builtins", "sys")  # rebinding their attributes tampers
_ACCESSORS = (".__get__", ".__set__", ".__delete__")

_active: Tracer | None = None
_busy = False  # set while the trace itself runs code that raises audit events


@dataclass
class _Config:
    """What one forbidden list needs the trace to do; built once per list."""

    patterns: Patterns
    mode: bool  # whether the list names anything torch: else the mode (and its cost per op) is left out
    hits: dict[Any, tuple[str, str] | None] = field(default_factory=dict)  # torch func -> (api, pattern)
    apis: dict[str, str | None] = field(default_factory=dict)  # a wrapper's api -> pattern
    _sites: tuple[int, list[wrappers.Site]] = (0, [])

    def sites(self) -> list[wrappers.Site]:
        """The installed wrappers that speak for this list (the canary checks they are still there)."""
        if self._sites[0] != len(wrappers.SITES):
            self._sites = (
                len(wrappers.SITES),
                [site for site in wrappers.SITES if self.api_pattern(site.api) is not None],
            )
        return self._sites[1]

    def api_pattern(self, api: str) -> str | None:
        try:
            return self.apis[api]
        except KeyError:
            pattern = self.apis[api] = self.patterns.qualified(api)
            return pattern

    def torch_hit(self, func: Any) -> tuple[str, str] | None:
        """(name, pattern) when ``func`` is forbidden. torch gives one name per function, sometimes an
        alias (``resolve_name(torch.mm)`` is ``torch.spmm``): its own ``__name__`` is tried too."""
        resolved = resolve_name(func)
        own = f"{getattr(func, '__module__', None) or 'torch'}.{getattr(func, '__name__', '')}"
        for name in (resolved, own) if resolved else (own,):
            api = name.removesuffix(next((s for s in _ACCESSORS if name.endswith(s)), ""))
            pattern = self.patterns.qualified(api)
            if pattern is not None:
                return name, pattern
        return None


@functools.lru_cache(maxsize=64)
def _config(patterns: tuple[str, ...]) -> _Config:
    parsed = Patterns.parse(patterns)
    return _Config(parsed, _names_torch(parsed))


def _names_torch(patterns: Patterns) -> bool:
    if patterns.matmul_operator or any(p.split(".", 1)[0] in ("torch", "functorch") for p in patterns.dotted):
        return True
    namespaces = (torch, torch.Tensor, torch.nn, torch.nn.functional, torch.linalg, torch.special, torch.fft)
    return any(hasattr(ns, name) for ns in namespaces for name in patterns.attrs)


def prepare(patterns: Sequence[str]) -> None:
    """Before a learner file with this forbidden list loads: install the audit hook (once per process)
    and the recording wrappers this list needs (once per target). Wrappers record nothing unless a
    :class:`Tracer` for a list naming them is active."""
    _install_audit_hook()
    _install_thread_watch()
    for target, api in wrappers.targets(Patterns.parse(patterns)):
        wrappers.wrap(target, api, _wrapped_call)


def _wrapped_call(api: str, library: str) -> None:
    """What a recording wrapper reports: a call of ``api`` (from the frame that called the wrapper)."""
    tracer = _active
    if tracer is not None:
        pattern = tracer.config.api_pattern(api)
        if pattern is not None:
            tracer.saw(USE, api, pattern, library, _caller(3))


class Tracer:
    """Records the forbidden APIs the learner's code uses while it is active (a context manager).

    >>> tracer = Tracer(["torch.autograd"], Path("/learner"))
    >>> with tracer:
    ...     pass
    >>> tracer.evidence()
    ({'kind': 'trace', 'status': 'ok', 'detail': ''},)
    """

    def __init__(self, patterns: Sequence[str], learner_root: Path) -> None:
        self.config = _config(tuple(patterns))
        self.root = _resolved(str(learner_root))
        self.records: dict[tuple[str, str, str, int], dict[str, Any]] = {}
        self.problems: list[str] = []
        self.expecting_canary = self.canary_seen = False
        self._places = _places(self.root)
        self.thread = threading.get_ident()
        self._mode = _Mode(self) if self.config.mode else None

    def __enter__(self) -> Tracer:
        global _active
        _active = self
        if self._mode is not None:
            self._mode.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        global _active
        try:
            self._check_canaries()
        finally:
            self._leave_mode()
            _active = None

    def evidence(self) -> tuple[dict[str, Any], ...]:
        """The records (plain str/int values), then exactly one trace record: ``ok``, or ``broken`` with
        what broke (comma-separated codes from :data:`TRACE_PROBLEMS`)."""
        status = {"kind": TRACE, "status": BROKEN if self.problems else OK, "detail": ",".join(self.problems)}
        return (*self.records.values(), status)

    # -- channels report here ----------------------------------------------------------------------------

    def saw(self, kind: str, api: str, pattern: str, library: str, frame: types.FrameType | None) -> None:
        """``api`` was reached with ``frame`` the innermost Python frame around it: record it when the
        nearest frame outside ``library`` (and outside the trace's own machinery) is the learner's."""
        # A use is looked for through the frames of helpers that only pass a call along (functools'
        # singledispatch and partial, operator, pickle, runpy...): their calling the API for the learner is
        # the learner's call. torch's and numpy's own code calling another library is theirs (torch.load
        # unpickles), and a means to tamper counts only when the learner calls it (torch uses sys._getframe).
        while frame is not None:
            place = self._place(frame)
            if place == "learner":
                self._record(kind, api, pattern, frame)
                return
            if place == "grader":
                return
            owner = _library(frame)
            if place == "library" and owner != library and (kind == TAMPER or owner in _OWN_BUSINESS):
                return
            frame = frame.f_back

    def saw_anywhere(self, api: str, frame: types.FrameType | None) -> None:
        """Learner code was about to run out of the record's sight (``api`` says how): recorded at the
        innermost frame of the learner's on the stack, unless the grader's own code comes first."""
        while frame is not None:
            place = self._place(frame)
            if place == "learner":
                self._record(UNSEEN, api, "", frame)
                return
            if place == "grader":
                return
            frame = frame.f_back

    def _record(self, kind: str, api: str, pattern: str, frame: types.FrameType) -> None:
        written = frame  # code run through exec: show the line of the learner's file that ran it
        while written is not None and written.f_code.co_filename.startswith("<"):
            written = written.f_back
        if written is not None and self._place(written) == "learner":
            frame = written
        filename, line = frame.f_code.co_filename, frame.f_lineno
        relative = filename[len(self.root) + 1 :] if filename.startswith(self.root + "/") else filename
        key = (kind, api, relative, line)
        if key in self.records or len(self.records) >= MAX_RECORDS:
            return
        code = linecache.getline(filename, line).strip()[:200] if not filename.startswith("<") else ""
        self.records[key] = {
            "kind": kind,
            "api": api[:200],
            "pattern": pattern[:200],
            "file": relative[:300],
            "line": int(line),
            "code": code,
        }

    def _place(self, frame: types.FrameType) -> str:
        """learner | grader | mechanism | library, for the frame's code file."""
        filename = frame.f_code.co_filename
        if filename.startswith("<frozen "):
            return "library"
        if filename.startswith("<"):  # code compiled from a string: whose globals does it run in?
            name = frame.f_globals.get("__name__")
            module = sys.modules.get(name) if isinstance(name, str) else None
            owner = getattr(module, "__file__", None)
            if owner is None or frame.f_globals is not getattr(module, "__dict__", None):
                return "learner"  # a namespace made up on the spot (its __name__ may say "numpy")
            return self._place_of(str(owner))
        return self.file_place(filename)

    def file_place(self, filename: str) -> str:
        """:meth:`_place_of`, cached per learner root (a path is resolved once)."""
        place = self._places.get(filename)
        if place is None:
            place = self._places[filename] = self._place_of(filename)
        return place

    def _place_of(self, filename: str) -> str:
        """learner | grader | mechanism | library, for a file: a library is installed code (the standard
        library, site-packages); code anywhere else, such as a module written at run time into /tmp, is
        the learner's."""
        path = Path(filename).resolve()
        if str(path).startswith(self.root + "/"):
            return "learner"
        if path in _MECHANISM:
            return "mechanism"
        if path.is_relative_to(_GRADER) or any(path.is_relative_to(r) for r in _course_roots()):
            return "grader"
        if any(path.is_relative_to(r) for r in _installed_roots()):
            return "library"
        return "learner"

    # -- canaries ------------------------------------------------------------------------------------------

    def _check_canaries(self) -> None:
        if self._mode is None:
            pass
        elif not _on_stack(self._mode):
            self.problems.append("mode_removed")
        else:  # on the stack, but a mode of the learner's above it may swallow every call
            self.expecting_canary, self.canary_seen = True, False
            try:
                _CANARY(0)
            finally:
                self.expecting_canary = False
            if not self.canary_seen:
                self.problems.append("canary_unseen")
        if not all(site.intact() for site in self.config.sites()) or not _thread_watch_intact():
            self.problems.append("wrappers_removed")

    def _leave_mode(self) -> None:
        """Pop the stack down to our mode and no further (a learner's mode above it goes too)."""
        if self._mode is None or not _on_stack(self._mode):
            return
        for _ in range(torch._C._len_torch_function_stack()):
            if torch._C._pop_torch_function_stack() is self._mode:
                return


class _Mode(TorchFunctionMode):
    """The torch channel: one dictionary lookup per call, and a frame walk only for a forbidden API."""

    def __init__(self, tracer: Tracer) -> None:
        super().__init__()
        self.tracer = tracer
        self.hits = tracer.config.hits

    def __torch_function__(self, func, types, args=(), kwargs=None):
        tracer = self.tracer
        if func is _CANARY and tracer.expecting_canary:
            tracer.canary_seen = True
            return func(*args, **(kwargs or {}))
        try:
            hit = self.hits[func]
        except KeyError:
            hit = self.hits[func] = tracer.config.torch_hit(func)
        except TypeError:  # an unhashable callable
            hit = tracer.config.torch_hit(func)
        if hit is not None:
            tracer.saw(USE, hit[0], hit[1], "torch", _caller())
        # the common call (no subclass handler, no callable argument) pays two C-level scans only
        if types or any(map(callable, args)) or (kwargs and any(map(callable, kwargs.values()))):
            out_of_sight = _out_of_sight(tracer, types, args, kwargs)
            if out_of_sight:
                tracer.saw_anywhere(out_of_sight, _caller())
        if kwargs:
            if kwargs.get("requires_grad") and "requires_grad" in tracer.config.patterns.attrs:
                tracer.saw(USE, "requires_grad=True", ".requires_grad", "torch", _caller())
            return func(*args, **kwargs)
        return func(*args)


def _out_of_sight(tracer: Tracer, classes: Any, args: tuple, kwargs: dict | None) -> str:
    """What of the learner's code would run while this handler is active, with the mode off the stack:
    a callable among the arguments (torch calls it back: ``apply_``, ``register_hook``), or a
    ``__torch_function__`` of a Tensor subclass that is not the library's. "" when neither."""
    for cls in classes:
        handler = getattr(cls, "__torch_function__", None)
        code = getattr(getattr(handler, "__func__", handler), "__code__", None)
        if code is not None and tracer.file_place(code.co_filename) == "learner":
            return f"{getattr(cls, '__qualname__', '?')}.{HANDLER}"
    for value in (*args, *(kwargs or {}).values()):
        if callable(value) and not isinstance(value, torch.Tensor | type):
            return CALLBACK
    return ""


def _caller(depth: int = 2) -> types.FrameType:
    """The frame that called the caller of this function (``depth`` 2), without the audit hook taking it as
    tampering."""
    global _busy
    busy, _busy = _busy, True
    try:
        return sys._getframe(depth)
    finally:
        _busy = busy


@functools.cache
def _resolved(root: str) -> str:
    return str(Path(root).resolve())


@functools.cache
def _places(root: str) -> dict[str, str]:
    """Per learner root: a frame's file name -> learner | grader | mechanism | library (see Tracer._place)."""
    return {}


def _on_stack(mode: TorchFunctionMode) -> bool:
    return any(
        torch._C._get_function_stack_at(i) is mode for i in range(torch._C._len_torch_function_stack())
    )


@functools.cache
def _installed_roots() -> tuple[Path, ...]:
    """Where installed code lives: the standard library and every site-packages folder."""
    paths = sysconfig.get_paths()
    found = [paths[k] for k in ("stdlib", "platstdlib", "purelib", "platlib") if k in paths]
    found += [*site.getsitepackages(), site.getusersitepackages()]
    return tuple({Path(p).resolve() for p in found if p})


def _course_roots() -> tuple[Path, ...]:
    """The course's own code (its specs, its references): the instructor's, run by the grader (not
    cached: a process may grade another course later, and a file's place is cached per learner root)."""
    from grader import course

    active = course.active()
    return tuple({p.resolve() for p in (active.root, active.specs_dir, active.reference_dir)})


def _library(frame: types.FrameType) -> str:
    name = frame.f_globals.get("__name__")
    return name.split(".", 1)[0].lstrip("_") if isinstance(name, str) else ""


# -- other threads ---------------------------------------------------------------------------------------

_watching = False
_learner_threads: set[int] = set()  # threads started while learner code was on the stack


def _install_thread_watch() -> None:
    """Once per process: every thread started through ``threading`` from now on runs under
    :func:`_in_another_thread`, and starting one is seen (``threading._start_new_thread``)."""
    global _watching
    if _watching:
        return
    _watching = True
    threading.setprofile(_in_another_thread)
    start = threading._start_new_thread  # type: ignore[attr-defined]

    def start_new_thread(function: Any, args: tuple, kwargs: Any = None) -> int:
        ident = start(function, args, *(() if kwargs is None else (kwargs,)))
        tracer = _active
        if tracer is not None and threading.get_ident() == tracer.thread:
            tracer.saw_anywhere(THREAD, _caller())
        if _learner_on_stack(sys._getframe(1)):
            _learner_threads.add(ident)
        return ident

    threading._start_new_thread = start_new_thread  # type: ignore[attr-defined]
    _thread_watch.append(start_new_thread)


_thread_watch: list[Any] = []  # the installed thread starter (the canary checks it is still there)


def _thread_watch_intact() -> bool:
    return not _thread_watch or (
        vars(threading).get("_start_new_thread") is _thread_watch[0]
        and vars(threading).get("_profile_hook") is _in_another_thread
    )


def _learner_on_stack(frame: types.FrameType | None) -> bool:
    """Whether a frame of any learner root traced so far (or not installed code at all) is on the stack."""
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename.startswith("<") and not filename.startswith("<frozen "):
            return True
        if not filename.startswith("<") and not any(
            Path(filename).resolve().is_relative_to(r) for r in (*_installed_roots(), _GRADER)
        ):
            return True
        frame = frame.f_back
    return False


def _in_another_thread(frame: types.FrameType, event: str, arg: Any) -> None:
    """The profile function of every thread started after :func:`prepare`: while a call is traced on
    another thread, learner code running here, or a forbidden torch function called from a thread the
    learner started, is recorded."""
    tracer = _active
    if tracer is None or event not in ("call", "c_call") or threading.get_ident() == tracer.thread:
        return
    if tracer._place(frame) == "learner":
        tracer._record(UNSEEN, THREAD, "", frame)
    elif event == "c_call" and threading.get_ident() in _learner_threads and tracer._mode is not None:
        try:
            hit = tracer.config.hits[arg]
        except (KeyError, TypeError):
            hit = tracer.config.torch_hit(arg)
        if hit is not None:
            tracer._record(UNSEEN, f"{THREAD}: {hit[0]}", hit[1], frame)


# -- the audit hook ----------------------------------------------------------------------------------------

_hook_installed = False


def _install_audit_hook() -> None:
    global _hook_installed
    if not _hook_installed:
        sys.addaudithook(_audit)
        _hook_installed = True


def _audit(event: str, args: tuple[Any, ...]) -> None:
    global _busy
    tracer = _active
    if tracer is None or _busy:
        return
    if event in _PROCESS_EVENTS and threading.get_ident() == tracer.thread:
        _busy = True
        try:
            tracer.saw_anywhere(PROCESS, sys._getframe(1))
        finally:
            _busy = False
        return
    tamper = event in _TAMPER_EVENTS or event.startswith("ctypes.")
    if not tamper and event not in ("pickle.find_class", "marshal.dumps", "marshal.loads", "marshal.load"):
        return
    if event.startswith("object.__") and not _guarded(args[0]):
        return
    pattern = "" if tamper else tracer.config.patterns.qualified(event)
    if pattern is None:
        return
    _busy = True
    try:
        # the frame that called the audited function (C functions have none of their own)
        tracer.saw(TAMPER if tamper else USE, event, pattern, event.split(".", 1)[0], sys._getframe(1))
    finally:
        _busy = False


def _guarded(obj: Any) -> bool:
    module = getattr(obj, "__module__", None)
    return isinstance(module, str) and module.split(".", 1)[0] in _GUARDED_TYPES
