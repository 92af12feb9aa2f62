"""The catalog's ``forbidden`` patterns, parsed once, and which library names each one matches.

- ``@`` — the matrix-multiplication operator (``a @ b``, ``a @= b``);
- ``.name`` — the attribute ``name`` of a library object (torch, NumPy, the standard library, any
  installed package): ``a.matmul(b)`` on a tensor, ``torch.matmul``, ``np.dot``; never a learner's own
  attribute or method of that name;
- ``torch.nn.functional.one_hot`` — a dotted name and everything inside it (``torch.autograd`` matches
  ``torch.autograd.grad``), after imports and aliases are resolved; also another name of the same object
  (``torch.functional.broadcast_shapes`` is ``torch.broadcast_shapes``).
"""

from __future__ import annotations

import sys
import types
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

MATMUL = "@"
MATMUL_DUNDERS = frozenset({"__matmul__", "__rmatmul__", "__imatmul__"})
_MISSING = object()


def check_patterns(patterns: Sequence[str]) -> list[str]:
    """Problems with a forbidden list itself (for ``grader check``); empty when every pattern parses."""
    problems = []
    for p in patterns:
        body = p[1:] if p.startswith(".") else p
        if p != MATMUL and not all(part.isidentifier() for part in body.split(".")):
            problems.append(
                f"forbidden pattern {p!r}: expected '@', '.name' or a dotted name like 'torch.mm'"
            )
    return problems


@dataclass(frozen=True)
class Patterns:
    """One exercise's forbidden list, split by kind. Hashable, so matches can be cached per list."""

    matmul_operator: bool
    attrs: frozenset[str]  # ".name" patterns, without the dot
    dotted: tuple[str, ...]

    @classmethod
    def parse(cls, patterns: Sequence[str]) -> Patterns:
        return cls(
            matmul_operator=MATMUL in patterns,
            attrs=frozenset(p[1:] for p in patterns if p.startswith(".")),
            dotted=tuple(p for p in patterns if p != MATMUL and not p.startswith(".")),
        )

    def __bool__(self) -> bool:
        return self.matmul_operator or bool(self.attrs) or bool(self.dotted)

    def attr(self, name: str) -> str | None:
        """The pattern an attribute ``name`` of a library object matches, or None."""
        if name in self.attrs:
            return "." + name
        if self.matmul_operator and name in MATMUL_DUNDERS:
            return MATMUL
        return None

    def tail(self, name: str) -> str | None:
        """The dotted pattern naming a function or class whose last part is ``name`` (``broadcast_shapes``
        for ``torch.broadcast_shapes``): what ``name`` may mean on an object nothing is known about. Only
        patterns known to name one (``xp.linalg`` on a parameter is not ``scipy.linalg``)."""
        return next((p for p, _ in self._objects if p.rsplit(".", 1)[-1] == name), None)

    def qualified(self, qualname: str) -> str | None:
        """The pattern the library object named ``qualname`` (``torch.autograd.grad``) matches, or None."""
        for pattern in self.dotted:
            if qualname == pattern or qualname.startswith(pattern + "."):
                return pattern
        hit = self.attr(qualname.rsplit(".", 1)[-1])
        if hit is not None:
            return hit
        if self._objects or self._members:
            obj = resolve(qualname)
            if obj is not _MISSING:
                for pattern, target in self._objects:
                    if obj is target:
                        return pattern
                if _identifiable(obj) and id(obj) in self._members:
                    return self._members[id(obj)]
        if self._modules:  # torch.serialization.pickle is the pickle module: so is anything inside it
            parts = qualname.split(".")
            for cut in range(len(parts), 1, -1):
                obj = resolve(".".join(parts[:cut]))
                for pattern, module in self._modules:
                    if obj is module:
                        return pattern
        return None

    def may_reach(self, qualname: str) -> bool:
        """Whether an attribute of the library object ``qualname``, whose name is worked out at run time,
        may be forbidden: a dotted pattern lies inside it, or it has an attribute a ``.name`` pattern
        names (an object that cannot be looked at, or not without running anything, may)."""
        if any(
            p == qualname or p.startswith(qualname + ".") or qualname.startswith(p + ".") for p in self.dotted
        ):
            return True
        obj = resolve(qualname)
        if obj is not _MISSING and any(obj is module for _, module in self._modules):
            return True
        names = self.attrs | (MATMUL_DUNDERS if self.matmul_operator else frozenset())
        if not names:
            return False
        if obj is _MISSING or not isinstance(obj, types.ModuleType | type):
            return True
        return any(_static_attr(obj, name) is not _MISSING for name in names)

    @cached_property
    def _modules(self) -> tuple[tuple[str, types.ModuleType], ...]:
        """The live modules behind module patterns: another name for the module itself matches (what a
        module defines, such as torch.no_grad in torch.autograd, is matched by the name written)."""
        found = ((pattern, resolve(pattern)) for pattern in self.dotted)
        return tuple((p, m) for p, m in found if isinstance(m, types.ModuleType))

    @cached_property
    def _members(self) -> dict[int, str]:
        """id -> pattern of what a module pattern holds of its library's own (``torch.func.vjp``, which is
        ``torch._functorch.eager_transforms.vjp``): the same object under another path matches. Not what
        the library's top-level package also offers (``torch.no_grad`` is ``torch.autograd.no_grad``), nor
        another library's (``typing.cast``)."""
        found: dict[int, str] = {}
        for pattern, module in self._modules:
            root = pattern.split(".", 1)[0]
            public = {id(v) for v in vars(sys.modules.get(root, module)).values()}
            for name, value in vars(module).items():
                owner = getattr(value, "__module__", None) or ""
                if (
                    not name.startswith("_")
                    and _identifiable(value)
                    and not isinstance(value, types.ModuleType)
                    and owner.split(".", 1)[0].lstrip("_") == root
                    and id(value) not in public
                ):
                    found.setdefault(id(value), pattern)
        return found

    @cached_property
    def _objects(self) -> tuple[tuple[str, Any], ...]:
        """The live objects behind the dotted patterns that name a function or class (not a module):
        another name for one of them matches too. Module patterns match by name only, so that
        ``torch.no_grad`` (defined in ``torch.autograd.grad_mode``) is not ``torch.autograd``."""
        found = []
        for pattern in self.dotted:
            obj = resolve(pattern)
            if obj is not _MISSING and not isinstance(obj, types.ModuleType) and _identifiable(obj):
                found.append((pattern, obj))
        return tuple(found)


def _identifiable(obj: Any) -> bool:
    # small ints, strings and None are shared by everything: identity says nothing about them
    return callable(obj) or isinstance(obj, type)


def resolve(qualname: str) -> Any:
    """The live object a dotted name refers to, found without importing or running anything: the
    longest prefix already in ``sys.modules``, then plain dictionary lookups (``vars``, the MRO)."""
    parts = qualname.split(".")
    for cut in range(len(parts), 0, -1):
        module = sys.modules.get(".".join(parts[:cut]))
        if module is not None:
            break
    else:
        return _MISSING
    obj: Any = module
    for part in parts[cut:]:
        obj = _static_attr(obj, part)
        if obj is _MISSING:
            return _MISSING
    return obj


def _static_attr(obj: Any, name: str) -> Any:
    if isinstance(obj, types.ModuleType):
        found = vars(obj).get(name, _MISSING)
        if found is _MISSING:
            found = sys.modules.get(f"{obj.__name__}.{name}", _MISSING)
        return found
    if isinstance(obj, type):
        for klass in type.__dict__["__mro__"].__get__(obj):
            if name in vars(klass):
                return vars(klass)[name]
    return _MISSING


def is_missing(obj: Any) -> bool:
    return obj is _MISSING
