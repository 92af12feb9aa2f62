"""What an inferred value is, for the static analysis: whose attribute a name on it is.

astroid infers what a name in the learner's files may be (see :mod:`grader.gate._astroid`). The rules of
:mod:`grader.gate.static` depend on one question about each such value: is the attribute the learner's own
(their class defines it), a builtin's, a library's, or unknown?
"""

from __future__ import annotations

from typing import Any

from astroid import bases, nodes, objects

from grader.gate import _astroid
from grader.gate._astroid import External, Uninferable, infer

OWN, BUILTIN, LIBRARY, UNKNOWN, MAYBE = "own", "builtin", "library", "unknown", "maybe"


def owner(value: Any, name: str | None) -> str:
    """Whose attribute ``name`` of ``value`` is: the learner's own (``OWN``), a builtin's, a library's,
    unknown (the value could not be inferred), or maybe the learner's (``MAYBE``: their object, but astroid
    cannot find the attribute, e.g. one set through ``__dict__``)."""
    if value is Uninferable or isinstance(value, type(Uninferable)):
        return UNKNOWN
    if isinstance(value, External):
        return LIBRARY
    cls = learner_class(value)
    if cls is not None:
        if name is None:
            return OWN
        try:
            value.getattr(name)
            return OWN
        except Exception:
            pass
        return LIBRARY if has_library_base(cls) else MAYBE
    if _astroid.is_learner(value):
        if isinstance(value, nodes.Module) and name is not None:
            return OWN if name in value.locals else MAYBE
        return OWN  # literals, functions and lambdas written in the learner's files
    return BUILTIN if root_name(value) == "builtins" else LIBRARY


def learner_class(value: Any) -> nodes.ClassDef | None:
    if isinstance(value, objects.Super):
        value = value.mro_pointer
    if isinstance(value, bases.Instance) and not isinstance(value, bases.BoundMethod):
        value = value._proxied
    if isinstance(value, nodes.ClassDef) and _astroid.is_learner(value):
        return value
    return None


def has_library_base(cls: nodes.ClassDef, seen: set[int] | None = None) -> bool:
    """Whether a learner class inherits from anything that is not the learner's or a builtin."""
    seen = seen if seen is not None else set()
    if id(cls) in seen:
        return False
    seen.add(id(cls))
    for base in cls.bases:
        for value in infer(base):
            if isinstance(value, nodes.ClassDef) and _astroid.is_learner(value):
                if has_library_base(value, seen):
                    return True
            elif root_name(value) != "builtins":
                return True
    return False


def root_name(value: Any) -> str:
    try:
        return value.root().name
    except Exception:
        return ""


def callee_name(value: Any) -> str | None:
    if isinstance(value, External):
        return value.name
    if isinstance(value, nodes.FunctionDef | nodes.ClassDef) and root_name(value) == "builtins":
        return f"builtins.{value.name}"
    return None
