"""Mutants that need the exercise's arguments: bugs guarded by a corner of the shapes, and swapped axes.

A learner's bug that shows only on a special shape (a square matrix, a side of 1, an empty tensor)
passes every check that never tries that shape. A *corner mutant* plants exactly that: the reference,
with every result of one function made wrong while one argument sits at a corner::

    def matmul(a, b):
        _mutant_at_corner = _mutant_corner('square', a)
        ...
        return _mutant_wrong(torch.matmul(a, b)) if _mutant_at_corner else torch.matmul(a, b)

It is killed as soon as a check feeds that corner, so a survivor reads "no check tries a square ``a``".
The other way round, an *axes mutant* swaps a pair of axes: it transposes an argument on entry
(``a = a.transpose(0, 1)``; see also the ``permute`` swaps in :mod:`grader.authoring.mutants`). Checks
that try only corners (square, symmetric inputs) let it through, so it keeps corners from crowding out
distinct sizes.

Which arguments carry sizes, and how many dimensions they have, is read from the spec's fixed examples
(:func:`shape_arguments`), so a guard that cannot hold (a 0-d ``b`` is never square) is never planted.

>>> import ast
>>> tree = ast.parse("def f(x):\\n    return x + 1\\n")
>>> [e.label for e in corner_edits(tree, (Argument("x", 2, "tensor"),))]
['square(x)->wrong', 'one(x)->wrong', 'empty(x)->wrong']
"""

from __future__ import annotations

import ast
import copy
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

CORNERS = {  # guard kind -> how the report says it
    "square": "is square (its last two sides are equal, 2 or more)",
    "one": "has a side of 1",
    "empty": "has a side of 0",
}
TENSOR, ARRAY, SHAPE = "tensor", "array", "shape"

# Appended to a corner mutant's module. Every value is made wrong in a way any check that looks at it
# sees: numbers move by one (a NaN or an infinity becomes 0), an empty tensor gets an element, a value
# the helper does not know raises (a crash on a corner is a corner bug too).
HELPERS = """
def _mutant_sides(value):
    if hasattr(value, "shape"):
        return tuple(value.shape)
    if isinstance(value, (tuple, list)) and all(isinstance(v, int) for v in value):
        return tuple(value)
    return None


def _mutant_corner(kind, value):
    sides = _mutant_sides(value)
    if sides is None:
        return False
    if kind == "square":
        return len(sides) >= 2 and sides[-1] == sides[-2] >= 2  # a 1x1 is the same transposed
    return (1 if kind == "one" else 0) in sides


def _mutant_wrong(value):
    import math

    import numpy
    import torch

    if isinstance(value, torch.Tensor):
        if value.numel() == 0 or value.device.type == "meta":
            return value.unsqueeze(0)
        if value.dtype == torch.bool:
            return ~value
        return torch.where(torch.isfinite(value), value + 1, torch.zeros_like(value))
    if isinstance(value, numpy.ndarray):
        if value.size == 0 or value.dtype == bool:
            return value[None] if value.size == 0 else ~value
        return numpy.where(numpy.isfinite(value), value + 1, 0).astype(value.dtype)
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1 if math.isfinite(value) else 0.0
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return type(value)(*(_mutant_wrong(v) for v in value))
    if isinstance(value, tuple | list):
        return type(value)(_mutant_wrong(v) for v in value)
    if isinstance(value, dict):
        return {k: _mutant_wrong(v) for k, v in value.items()}
    raise RuntimeError("mutant: a wrong answer at a corner of the shapes")
"""


@dataclass(frozen=True)
class Argument:
    """An argument that carries sizes: a tensor, an array, or a shape (a tuple of ints), by name.

    ``ndim`` is the most dimensions (a shape's length) seen in the spec's fixed examples.
    """

    name: str
    ndim: int
    kind: str  # TENSOR, ARRAY or SHAPE


@dataclass(frozen=True)
class Edit:
    """One mutant before it gets its id: where, what changed (as the report shows it), the new module."""

    line: int
    label: str
    original: str
    mutated: str
    tree: ast.Module


def shape_arguments(checks: Iterable[Any]) -> tuple[Argument, ...]:
    """The sized arguments of the checks' fixed examples, in the order they first appear.

    >>> from grader.cases import Case, ramp
    >>> class Check:
    ...     examples = (Case.of(a=ramp(2, 3), n=4, shape=(2, 3)),)
    >>> shape_arguments([Check()])
    (Argument(name='a', ndim=2, kind='tensor'), Argument(name='shape', ndim=2, kind='shape'))
    """
    found: dict[str, Argument] = {}
    for check in checks:
        for case in check.examples:
            for name, value in case.inputs().items():
                sized = _sized(value)
                if sized is None:
                    continue
                ndim, kind = sized
                known = found.get(name)
                if known is None or (known.kind == kind and ndim > known.ndim):
                    found[name] = Argument(name, ndim, kind)
    return tuple(found.values())


def _sized(value: Any) -> tuple[int, str] | None:
    import numpy as np
    import torch

    if isinstance(value, torch.Tensor):
        return value.dim(), TENSOR
    if isinstance(value, np.ndarray):
        return value.ndim, ARRAY
    plain_tuple = isinstance(value, tuple) and not hasattr(value, "_fields")
    if plain_tuple and all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        return len(value), SHAPE
    return None


def corner_edits(tree: ast.Module, arguments: Sequence[Argument]) -> Iterator[Edit]:
    """For each top-level function and each guard its arguments allow: results wrong at that corner."""
    for index, fn, params in _functions(tree, arguments):
        for arg in params:
            for kind in _corner_kinds(arg):
                clone = copy.deepcopy(tree)
                target = clone.body[index]
                guard = ast.parse(f"_mutant_at_corner = _mutant_corner({kind!r}, {arg.name})").body[0]
                _insert_on_entry(target, guard)
                for ret in _own_returns(target):
                    if ret.value is not None:
                        ret.value = ast.IfExp(
                            test=ast.Name("_mutant_at_corner", ast.Load()),
                            body=ast.Call(ast.Name("_mutant_wrong", ast.Load()), [ret.value], []),
                            orelse=copy.deepcopy(ret.value),
                        )
                clone.body.extend(ast.parse(HELPERS).body)
                yield Edit(
                    fn.lineno,
                    f"{kind}({arg.name})->wrong",
                    f"{fn.name}(): any {arg.name}",
                    f"results wrong when {arg.name} {CORNERS[kind]}",
                    ast.fix_missing_locations(clone),
                )


def transposed_edits(tree: ast.Module, arguments: Sequence[Argument]) -> Iterator[Edit]:
    """For each top-level function and each argument of 2 or more dimensions: a pair of axes swapped."""
    for index, fn, params in _functions(tree, arguments):
        for arg in params:
            if arg.kind == SHAPE or arg.ndim < 2:
                continue
            swap = "transpose" if arg.kind == TENSOR else "swapaxes"
            pairs = [(0, 1)] + ([(-2, -1)] if arg.ndim >= 3 else [])
            for i, j in pairs:
                statement = f"{arg.name} = {arg.name}.{swap}({i}, {j})"
                clone = copy.deepcopy(tree)
                _insert_on_entry(clone.body[index], ast.parse(statement).body[0])
                yield Edit(
                    fn.lineno,
                    f"{arg.name}->{swap}({i},{j})",
                    f"{fn.name}(): {arg.name}",
                    f"{statement} on entry",
                    ast.fix_missing_locations(clone),
                )


def _functions(
    tree: ast.Module, arguments: Sequence[Argument]
) -> Iterator[tuple[int, ast.FunctionDef, list[Argument]]]:
    """Top-level functions with their sized parameters (matched by name, in the signature's order)."""
    by_name = {a.name: a for a in arguments}
    for index, node in enumerate(tree.body):
        if isinstance(node, ast.FunctionDef):
            names = [a.arg for a in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs)]
            params = [by_name[n] for n in names if n in by_name]
            if params:
                yield index, node, params


def _corner_kinds(arg: Argument) -> list[str]:
    if arg.ndim == 0:
        return []
    return (["square"] if arg.ndim >= 2 else []) + ["one", "empty"]


def _insert_on_entry(fn: ast.FunctionDef, statement: ast.stmt) -> None:
    """Insert ``statement`` as the function's first, after the docstring if there is one."""
    first = fn.body[0]
    docstring = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
    fn.body.insert(1 if docstring and len(fn.body) > 1 else 0, statement)


def _own_returns(fn: ast.FunctionDef) -> Iterator[ast.Return]:
    """The function's return statements, not those of functions or classes defined inside it."""
    stack: list[ast.AST] = list(fn.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Return):
            yield node
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
            stack.extend(ast.iter_child_nodes(node))


# -- which mutants change an axis -------------------------------------------------------------------------

AXIS_KEYWORDS = {"dim", "axis", "dim0", "dim1", "start_dim", "end_dim", "source", "destination"}
# methods whose every int positional argument is a dimension
AXIS_METHODS = {
    "sum", "mean", "std", "var", "amax", "amin", "argmax", "argmin", "max", "min", "softmax",
    "log_softmax", "logsumexp", "cumsum", "cumprod", "unsqueeze", "squeeze", "transpose", "swapaxes",
    "swapdims", "movedim", "permute", "flip", "size", "prod", "all", "any", "count_nonzero",
}  # fmt: skip


def is_axis(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    """Whether ``node`` (a constant) names an axis: ``dim=-1``, ``x.sum(1)``, ``x.shape[0]``, ``x.size(1)``.

    ``parents`` maps ``id(child)`` to its parent node in the tree that holds ``node``.
    """
    parent = parents.get(id(node))
    while isinstance(parent, ast.UnaryOp):  # -1
        node, parent = parent, parents.get(id(parent))
    if isinstance(parent, ast.keyword):
        return parent.arg in AXIS_KEYWORDS
    if isinstance(parent, ast.Subscript):
        value = parent.value
        return parent.slice is node and isinstance(value, ast.Attribute) and value.attr == "shape"
    if isinstance(parent, ast.Call) and node in parent.args:
        func = parent.func
        return isinstance(func, ast.Attribute) and func.attr in AXIS_METHODS
    return False
