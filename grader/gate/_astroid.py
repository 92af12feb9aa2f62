"""astroid, set up so that inference stops at the edge of the learner's own files.

astroid infers what the learner's names refer to (imports, aliases, assignments, calls, their classes and
instances, constants built from pieces). Past the learner's files it would parse torch's own sources,
which is slow and says little (most of torch is C: ``torch.matmul`` is not in any ``.py`` file). So every
module the learner imports that is not one of their own files becomes an :class:`External`: a node that
stands for a library object by its dotted name, and whose attributes are Externals with longer names
(``torch`` → ``torch.autograd`` → ``torch.autograd.grad``). A call to one returns Uninferable: what a
library call returns is unknown here (the gate's rules treat an unknown receiver with care).

What a torch function or Tensor method returns is a tensor: ``External("torch.Tensor")`` (so ``.backward`` on
``torch.sin(x).sum()`` is ``torch.Tensor.backward``, whatever attributes the learner's own classes declare).

A learner module is a :class:`LearnerModule`, which imports the learner's other files as learner modules
(through its :class:`Session`) and everything else as Externals.
"""

from __future__ import annotations

import functools
import itertools
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import astroid
from astroid import nodes, util
from astroid.exceptions import AstroidError, AttributeInferenceError, InferenceError
from astroid.inference_tip import inference_tip
from astroid.manager import AstroidManager

from grader.gate.patterns import is_missing, resolve
from grader.sources import read_python

Uninferable = util.Uninferable
TENSOR = "torch.Tensor"
_LEARNER_PREFIX = "__learner_"
_numbers = itertools.count()


class External(nodes.Module):
    """A library object, known by its dotted name only: ``External("torch.nn.functional.one_hot")``."""

    def __init__(self, qualname: str) -> None:
        super().__init__(name=qualname, file=None, path=None, package=False, pure_python=False)
        self.postinit(body=[])

    def getattr(self, name: str, context: Any = None, ignore_locals: bool = False) -> list[nodes.NodeNG]:
        return [External(f"{self.name}.{name}")]

    def igetattr(self, name: str, context: Any = None) -> Iterator[nodes.NodeNG]:
        yield External(f"{self.name}.{name}")

    def infer_call_result(self, caller: Any, context: Any = None) -> Iterator[Any]:
        yield External(TENSOR) if returns_tensor(self.name) else Uninferable

    def getitem(self, index: Any, context: Any = None) -> nodes.NodeNG:
        """``torch.Tensor.__dict__['backward']`` is ``torch.Tensor.backward``; ``sys.modules['torch']`` is
        ``torch``. Any other subscript is unknown."""
        key = index.value if isinstance(index, nodes.Const) and isinstance(index.value, str) else None
        if key is not None and self.name.endswith(".__dict__"):
            return External(f"{self.name.removesuffix('.__dict__')}.{key}")
        if key is not None and self.name == "sys.modules":
            return External(key)
        raise AttributeInferenceError(target=self, attribute="__getitem__", context=context)

    def callable(self) -> bool:
        return True

    def qname(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"External({self.name})"


class LearnerModule(nodes.Module):
    """One of the learner's files. Its imports resolve through the session that built it (see
    :func:`_import_module`: from the first moment of the build, by the module's unique name)."""

    session: Session
    relpath: str  # relative to the learner's root, with forward slashes
    source: str


_SESSIONS: dict[str, Session] = {}  # a learner module's name -> the session that builds it
_original_import_module = nodes.Module.import_module


def _import_module(
    self: nodes.Module,
    modname: str,
    relative_only: bool = False,
    level: int | None = None,
    use_cache: bool = True,
) -> nodes.Module:
    """``Module.import_module`` for every module: the learner's go through their session. astroid infers
    while it builds a module (``from x import *``, ``self.a = ...``, class bases in its brains), before a
    subclass could take over, so the switch is by name and installed once, process-wide."""
    session = _SESSIONS.get(self.name)
    if session is not None:
        return session.module(modname)
    return _original_import_module(self, modname, relative_only, level, use_cache)


class Session:
    """One analysis: the learner's modules it has built, found by ``find(name) -> Path | None``."""

    def __init__(self, root: Path, find: Callable[[str], Path | None]) -> None:
        _configure()
        self.root = root
        self.find = find
        self.modules: dict[str, nodes.Module] = {}
        self.names: list[str] = []
        self.id = next(_numbers)

    def module(self, name: str) -> nodes.Module:
        """The learner's own module ``name`` when it is one of their files, else an External."""
        if name in self.modules:
            return self.modules[name]
        top = name.split(".", 1)[0]
        path = self.find(top) if top == name else None
        if path is None:
            return External(name)
        self.modules[name] = External(name)  # while it builds: an import cycle ends here
        try:
            source = read_python(path, self.root)
        except (OSError, SyntaxError, UnicodeDecodeError):
            return External(name)  # Python cannot import it either
        self.modules[name] = self.parse(source, path)
        return self.modules[name]

    def parse(self, source: str, path: Path, variant: str = "") -> LearnerModule:
        """A learner file as a LearnerModule (SyntaxError when it does not parse)."""
        name = f"{_LEARNER_PREFIX}{self.id}_{path.stem}{variant}_{next(_numbers)}"
        self.names.append(name)
        _SESSIONS[name] = self
        try:
            module = astroid.parse(source, module_name=name, path=str(path))
        except astroid.AstroidSyntaxError as e:
            raise SyntaxError(str(e)) from None
        module.__class__ = LearnerModule
        module.session = self
        module.relpath = path.resolve().relative_to(self.root).as_posix()
        module.source = source
        return module

    def close(self) -> None:
        """Drop this session's modules from astroid's global cache (two trees may both have helpers.py)."""
        cache = AstroidManager().astroid_cache
        for name in self.names:
            cache.pop(name, None)
            _SESSIONS.pop(name, None)


def returns_tensor(qualname: str) -> bool:
    """Whether the library callable ``qualname`` returns a tensor: ``torch.Tensor`` itself, torch's
    factories written in C, and the functions and Tensor methods torch dispatches to ``__torch_function__``
    (they compute on tensors; a few return a tuple of them or a number, on which the same attribute names
    mean the same). Not a ``torch.nn.Module`` method, nor ``torch.compile``: they may return the learner's
    own object."""
    if qualname.split(".", 1)[0] != "torch":
        return False
    if qualname == TENSOR:
        return True
    obj = resolve(qualname)
    return not is_missing(obj) and id(obj) in _tensor_functions()


@functools.cache
def _tensor_functions() -> frozenset[int]:
    import torch.overrides

    dispatched = (f for fs in torch.overrides.get_overridable_functions().values() for f in fs)
    # the factories (torch.zeros, torch.tensor) take no tensor, so torch does not dispatch them
    ignored = torch.overrides.get_ignored_functions()
    factories = (f for f in ignored if isinstance(f, types.BuiltinFunctionType))
    return frozenset(id(f) for f in (*dispatched, *factories))


def is_learner(value: Any) -> bool:
    """Whether an inferred value is defined in one of the learner's files."""
    try:
        return isinstance(value.root(), LearnerModule)
    except (AttributeError, AstroidError):
        return False


def infer(node: nodes.NodeNG, limit: int = 12) -> list[Any]:
    """What ``node`` may be (at most ``limit`` values); ``[Uninferable]`` when astroid cannot say."""
    values: list[Any] = []
    try:
        for value in node.infer():
            values.append(value)
            if len(values) >= limit:
                break
    except (AstroidError, RecursionError, ValueError, TypeError, AttributeError, KeyError, IndexError):
        return [Uninferable]
    return values or [Uninferable]


def constant_strings(node: nodes.NodeNG) -> list[str] | None:
    """The strings ``node`` may hold when astroid can work every one out (``'back' + 'ward'``, f-strings,
    ``%``), else None. A string method's result is not worked out: astroid stands in for it with the
    empty string its builtins stub returns (``'_'.join(parts)`` infers as ``''``), which says nothing."""
    values = infer(node)
    if all(isinstance(v, nodes.Const) and isinstance(v.value, str) and not _stub(v) for v in values):
        return [v.value for v in values]
    return None


def _stub(value: nodes.NodeNG) -> bool:
    try:
        return value.root().name == "builtins"
    except AstroidError:
        return True


# -- imports through a call: __import__('torch'), importlib.import_module('torch.autograd') -------------

_IMPORTERS = {"__import__", "import_module"}
# functions that return the object a dotted name refers to ("torch.matmul", "torch:matmul")
RESOLVERS = {"resolve_name", "locate"}


def _looks_like_import_call(node: nodes.Call) -> bool:
    func = node.func
    name = func.name if isinstance(func, nodes.Name) else getattr(func, "attrname", None)
    return name in _IMPORTERS | RESOLVERS and bool(node.args) and node.root().name.startswith(_LEARNER_PREFIX)


def _infer_import_call(node: nodes.Call, context: Any = None) -> Iterator[nodes.Module]:
    names = constant_strings(node.args[0])
    session = _SESSIONS.get(node.root().name)
    if names is None or session is None:
        raise InferenceError(node=node)
    func = node.func
    if (func.name if isinstance(func, nodes.Name) else getattr(func, "attrname", None)) in RESOLVERS:
        for name in names:  # a module of the learner's own when it names one, else a library object
            name = name.replace(":", ".")
            yield session.module(name) if "." not in name else External(name)
        return
    # __import__('a.b') returns the package a, unless a fromlist asks for names inside a.b
    fromlist = (
        node.args[3]
        if len(node.args) > 3
        else next((k.value for k in node.keywords or () if k.arg == "fromlist"), None)
    )
    top_level = isinstance(node.func, nodes.Name) and (fromlist is None or _empty(fromlist))
    for name in names:
        yield session.module(name.split(".", 1)[0] if top_level else name)


def _empty(node: nodes.NodeNG) -> bool:
    return (isinstance(node, nodes.Const) and not node.value) or (
        isinstance(node, nodes.List | nodes.Tuple) and not node.elts
    )


_configured = False


def _configure() -> None:
    global _configured
    if not _configured:
        nodes.Module.import_module = _import_module
        AstroidManager().register_transform(
            nodes.Call, inference_tip(_infer_import_call), _looks_like_import_call
        )
        _configured = True
