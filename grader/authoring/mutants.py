"""Mutation analysis: how many small bugs planted in a reference do an exercise's checks catch?

Each mutant is the reference with exactly one small change (an operator, a constant ± 1, a dropped
``dim=``, ``sum`` for ``mean``, a dropped term, swapped arguments, a dropped transpose, ...). The
exercise's checks then grade the mutant as if a learner had written it. A mutant the checks fail is
*killed*; one they pass *survives* and points at a place where the checks are weak (or at an
equivalent mutant: a change that does not change behaviour, which the catalog entry can list in
``equivalent_mutants``).

This module makes the mutants; :mod:`grader.authoring.mutation` grades them and reports.

Why a small AST mutator rather than mutmut or cosmic-ray: both mutate a whole project in place and run
its test suite per mutant (a process, a pytest session and a torch import each time). Here the "test
suite" is one exercise's checks, which the grader can run in-process against a mutant loaded from a
temporary tree, dozens of mutants per second; and the operators that matter for tensor code (``dim``,
``sum``/``mean``, transposes, dtypes) are ours to choose.

Two kinds measure the inputs rather than the formulas (:mod:`grader.authoring.shape_mutants`): a
*corner* mutant is wrong only while an argument is square, has a side of 1 or of 0, so it survives
exactly when no check tries that corner; an *axes* mutant swaps a pair of axes (an argument transposed
on entry, neighbours in a ``permute`` swapped; a ±1 on a ``dim=`` or a ``shape[i]`` counts as one too),
so it survives when the checks try only squares. The report counts each kind per exercise.

>>> [m.id for m in mutate("def f(a, b):\\n    return a - b\\n")]
['L2:Sub->Add#0', 'L2:Sub->left#0', 'L2:Sub->swapped#0']
"""

from __future__ import annotations

import ast
import copy
import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from grader.authoring.shape_mutants import Argument, corner_edits, is_axis, transposed_edits

# -- operators ---------------------------------------------------------------------------------------

BINOP_SWAPS: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Div,
    ast.Mod: ast.FloorDiv,
    ast.Pow: ast.Mult,
    ast.MatMult: ast.Mult,
}
DROP_RIGHT = (ast.Add, ast.Sub, ast.Mult, ast.Div)  # a + b -> a
DROP_LEFT = (ast.Add, ast.Mult)  # a + b -> b
NOT_COMMUTATIVE = (ast.Sub, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow, ast.MatMult)  # a - b -> b - a
COMPARE_SWAPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
}
# attribute names (torch functions and methods, dtypes) replaced by their closest wrong neighbour
RENAMES = {
    "sum": "mean",
    "mean": "sum",
    "max": "min",
    "min": "max",
    "amax": "amin",
    "amin": "amax",
    "argmax": "argmin",
    "argmin": "argmax",
    "maximum": "minimum",
    "minimum": "maximum",
    "exp": "log",
    "log": "exp",
    "zeros": "ones",
    "ones": "zeros",
    "zeros_like": "ones_like",
    "ones_like": "zeros_like",
    "any": "all",
    "all": "any",
    "floor": "ceil",
    "ceil": "floor",
    "cumsum": "cumprod",
    "float32": "float64",
    "float64": "float32",
    "int64": "int32",
    "int32": "int64",
    "train": "eval",
    "eval": "train",
    "no_grad": "enable_grad",
}
BUILTIN_RENAMES = {"max": "min", "min": "max", "any": "all", "all": "any"}
TRANSPOSE_ATTRS = {"T", "mT", "H", "mH"}  # x.T -> x
TRANSPOSE_CALLS = {"t", "transpose", "permute", "swapaxes", "swapdims", "movedim"}  # x.t() -> x
# calls whose first two arguments commute (swapping them gives an equivalent mutant) or whose swap is
# only a TypeError (no information about the checks)
NO_SWAP = {
    "isinstance", "issubclass", "getattr", "setattr", "hasattr", "print", "super", "zip", "dict",
    "transpose", "swapaxes", "swapdims", "add", "mul", "maximum", "minimum", "max", "min", "eq", "ne",
    "logical_and", "logical_or", "hypot", "allclose", "isclose", "equal", "broadcast_shapes",
    "broadcast_tensors", "mse_loss", "l1_loss", "dist",
}  # fmt: skip
# keyword arguments that by design do not change a result (speed and strictness knobs): dropping or
# flipping them only makes equivalent mutants
NEUTRAL_KEYWORDS = {"foreach", "fused", "strict", "compute_mode", "non_blocking"}


# what a mutant is about, for the report: the operators above, a bug guarded by a corner of the shapes
# (grader.authoring.shape_mutants), or a changed or swapped axis
PLAIN, CORNER, AXES = "plain", "corner", "axes"
KINDS = (PLAIN, CORNER, AXES)


@dataclass(frozen=True)
class Mutant:
    """One mutant of a source file: a stable id, where, what changed, and the whole mutated source."""

    id: str  # "L12:Add->Sub#0": line, operator, and which one of that kind on that line
    line: int
    original: str
    mutated: str
    source: str = field(repr=False)
    kind: str = PLAIN  # PLAIN, CORNER or AXES


@dataclass(frozen=True)
class _Site:
    node: ast.AST
    label: str
    make: Callable[[ast.AST], ast.AST | None]  # builds the replacement from a copy of the node
    kind: str = PLAIN


def _sites(tree: ast.Module) -> Iterator[_Site]:
    """Every mutation of the module, in source order (ast.walk's order is stable for one source)."""
    skipped: set[int] = set()
    parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        quiet = _unmutated_parts(node)
        for part in quiet:
            skipped.update(id(n) for n in ast.walk(part))
        for site in _node_sites(node):
            if isinstance(node, ast.Constant) and is_axis(node, parents):
                site = dataclasses.replace(site, kind=AXES)  # dim=0 -> dim=1, x.shape[1] -> x.shape[0]
            yield site


def _unmutated_parts(node: ast.AST) -> list[ast.AST]:
    """Parts never mutated: imports, annotations, f-strings (messages), docstrings, what a raise says."""
    if isinstance(node, ast.Import | ast.ImportFrom | ast.JoinedStr):
        return [node]
    if isinstance(node, ast.Raise):
        return [n for n in (node.exc, node.cause) if n is not None]
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        annotations = [a.annotation for a in _all_args(node.args) if a.annotation is not None]
        return [*annotations, *([node.returns] if node.returns else [])]
    if isinstance(node, ast.AnnAssign):
        return [node.annotation]
    if isinstance(node, ast.Call):
        return [k for k in node.keywords if k.arg in NEUTRAL_KEYWORDS]
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
        return [node]
    return []


def _all_args(args: ast.arguments) -> list[ast.arg]:
    extra = [a for a in (args.vararg, args.kwarg) if a is not None]
    return [*args.posonlyargs, *args.args, *args.kwonlyargs, *extra]


def _node_sites(node: ast.AST) -> Iterator[_Site]:
    if isinstance(node, ast.BinOp | ast.AugAssign):
        op = type(node.op)
        if op in BINOP_SWAPS:
            new = BINOP_SWAPS[op]
            yield _Site(node, f"{op.__name__}->{new.__name__}", lambda n, new=new: _with(n, op=new()))
    if isinstance(node, ast.BinOp):
        name = type(node.op).__name__
        if isinstance(node.op, DROP_RIGHT):
            yield _Site(node, f"{name}->left", lambda n: n.left)
        if isinstance(node.op, DROP_LEFT):
            yield _Site(node, f"{name}->right", lambda n: n.right)
        if isinstance(node.op, NOT_COMMUTATIVE):
            yield _Site(node, f"{name}->swapped", lambda n: _with(n, left=n.right, right=n.left))
    elif isinstance(node, ast.Compare):
        for i, op in enumerate(node.ops):
            if type(op) in COMPARE_SWAPS:
                new = COMPARE_SWAPS[type(op)]
                yield _Site(
                    node,
                    f"{type(op).__name__}->{new.__name__}",
                    lambda n, i=i, new=new: _with(n, ops=[*n.ops[:i], new(), *n.ops[i + 1 :]]),
                )
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.Not | ast.Invert):
        yield _Site(node, f"{type(node.op).__name__}->drop", lambda n: n.operand)
    elif isinstance(node, ast.BoolOp):
        new_op = ast.Or if isinstance(node.op, ast.And) else ast.And
        yield _Site(
            node, f"{type(node.op).__name__}->{new_op.__name__}", lambda n, o=new_op: _with(n, op=o())
        )
    elif isinstance(node, ast.Constant):
        yield from _constant_sites(node)
    elif isinstance(node, ast.Attribute):
        if node.attr in RENAMES:
            new = RENAMES[node.attr]
            yield _Site(node, f"{node.attr}->{new}", lambda n, new=new: _with(n, attr=new))
        if node.attr in TRANSPOSE_ATTRS and isinstance(node.ctx, ast.Load):
            yield _Site(node, f".{node.attr}->drop", lambda n: n.value, AXES)
    elif isinstance(node, ast.Name) and node.id in BUILTIN_RENAMES and isinstance(node.ctx, ast.Load):
        new = BUILTIN_RENAMES[node.id]
        yield _Site(node, f"{node.id}->{new}", lambda n, new=new: _with(n, id=new))
    elif isinstance(node, ast.Call):
        yield from _call_sites(node)
    elif isinstance(node, ast.Raise):
        yield _Site(node, "raise->pass", lambda n: ast.Pass())
    elif isinstance(node, ast.If | ast.While | ast.IfExp):
        yield _Site(node, "if->not", lambda n: _with(n, test=ast.UnaryOp(ast.Not(), n.test)))


def _constant_sites(node: ast.Constant) -> Iterator[_Site]:
    value = node.value
    if isinstance(value, bool):
        yield _Site(node, f"{value}->{not value}", lambda n: ast.Constant(not n.value))
    elif isinstance(value, int | float):
        for delta, sign in ((1, "+1"), (-1, "-1")):
            yield _Site(node, f"{value!r}{sign}", lambda n, d=delta: ast.Constant(n.value + d))


def _call_sites(node: ast.Call) -> Iterator[_Site]:
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    for i, kw in enumerate(node.keywords):
        if (
            kw.arg is not None and kw.arg not in NEUTRAL_KEYWORDS
        ):  # drop a keyword argument: dim=, keepdim=, correction=, dtype=, ...
            yield _Site(
                node,
                f"{kw.arg}=->drop",
                lambda n, i=i: _with(n, keywords=[k for j, k in enumerate(n.keywords) if j != i]),
            )
    positional = node.args
    if (
        len(positional) >= 2
        and name not in NO_SWAP
        and not any(isinstance(a, ast.Starred) for a in positional)
    ):
        kind = AXES if name == "permute" else PLAIN
        yield _Site(node, "args->swapped", lambda n: _with(n, args=[n.args[1], n.args[0], *n.args[2:]]), kind)
    if isinstance(func, ast.Attribute) and name in TRANSPOSE_CALLS:
        yield _Site(node, f".{name}()->drop", lambda n: n.func.value, AXES)
    if name == "permute":
        yield from _permute_swaps(node)


def _permute_swaps(node: ast.Call) -> Iterator[_Site]:
    """``x.permute(0, 2, 3, 1)`` -> ``x.permute(0, 3, 2, 1)``, ...: each pair of neighbours swapped.

    The first pair of positional dims is left to ``args->swapped``, which makes the same mutant.
    """
    packed = len(node.args) == 1 and isinstance(node.args[0], ast.Tuple | ast.List)
    dims = node.args[0].elts if packed else node.args
    if len(dims) < 2 or any(isinstance(d, ast.Starred) for d in dims):
        return
    for i in range(0 if packed else 1, len(dims) - 1):

        def make(n: ast.Call, i: int = i) -> ast.Call:
            holder = n.args[0] if packed else n
            items = holder.elts if packed else holder.args
            items[i], items[i + 1] = items[i + 1], items[i]
            return n

        yield _Site(node, f"permute[{i},{i + 1}]->swapped", make, AXES)


def _with(node: ast.AST, **changes: Any) -> ast.AST:
    for key, value in changes.items():
        setattr(node, key, value)
    return node


class _Replace(ast.NodeTransformer):
    """Replaces one node, found by identity, with what ``make`` builds from it (kept as ``new``)."""

    def __init__(self, target: ast.AST, make: Callable[[ast.AST], ast.AST | None]) -> None:
        self.target = target
        self.make = make
        self.new: ast.AST | None = None

    def visit(self, node: ast.AST) -> Any:
        if node is self.target:
            self.new = self.make(node)
            return ast.copy_location(self.new, node) if self.new is not None else None
        return self.generic_visit(node)


def mutate(source: str, arguments: Sequence[Argument] = ()) -> list[Mutant]:
    """Every single-change mutant of ``source``, in source order, with stable ids (see the module doc).

    With the exercise's sized ``arguments`` (:func:`~grader.authoring.shape_mutants.shape_arguments`),
    also the corner and transposed-argument mutants of :mod:`grader.authoring.shape_mutants`.
    """
    tree = ast.parse(source)
    order = {id(n): i for i, n in enumerate(ast.walk(tree))}
    original_source = ast.unparse(tree)
    mutants: list[Mutant] = []
    seen: dict[str, int] = {}
    for site in _sites(tree):
        clone = copy.deepcopy(tree)
        nodes = list(ast.walk(clone))
        target = nodes[order[id(site.node)]]
        shown = _context(clone, target)  # what the report shows: the change with a little context
        before = ast.unparse(shown)
        replacer = _Replace(target, site.make)
        mutated_tree = ast.fix_missing_locations(replacer.visit(clone))
        try:
            text = ast.unparse(mutated_tree)
            compile(text, "<mutant>", "exec")
        except (SyntaxError, ValueError, TypeError):
            continue
        if text == original_source:
            continue
        if isinstance(target, ast.If | ast.While | ast.IfExp) and isinstance(replacer.new, type(target)):
            before, after = ast.unparse(site.node.test), ast.unparse(replacer.new.test)  # not the body
        elif shown is not target:
            after = ast.unparse(shown)
        else:
            after = ast.unparse(replacer.new) if replacer.new is not None else site.label
        line = getattr(site.node, "lineno", 0)
        key = f"L{line}:{site.label}"
        index = seen.get(key, 0)
        seen[key] = index + 1
        mutants.append(Mutant(f"{key}#{index}", line, _short(before), _short(after), text, site.kind))
    mutants.extend(_shape_mutants(tree, arguments, seen))
    return sorted(mutants, key=lambda m: m.line)  # stable: same-line mutants keep their order


def _shape_mutants(tree: ast.Module, arguments: Sequence[Argument], seen: dict[str, int]) -> list[Mutant]:
    edits = [(CORNER, e) for e in corner_edits(tree, arguments)]
    edits += [(AXES, e) for e in transposed_edits(tree, arguments)]
    out = []
    for kind, edit in edits:
        text = ast.unparse(edit.tree)
        compile(text, "<mutant>", "exec")
        key = f"L{edit.line}:{edit.label}"
        index = seen.get(key, 0)
        seen[key] = index + 1
        out.append(Mutant(f"{key}#{index}", edit.line, edit.original, edit.mutated, text, kind))
    return out


def _context(tree: ast.AST, target: ast.AST) -> ast.AST:
    """A bare constant, name or attribute is shown inside the expression that holds it."""
    parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    shown = target
    while isinstance(shown, ast.Constant | ast.Name | ast.Attribute | ast.keyword | ast.UnaryOp):
        parent = parents.get(id(shown))
        if not isinstance(parent, ast.expr | ast.keyword):
            break
        shown = parent
    return shown


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
