"""``grader check``: a spec's facts are established where learner code cannot reach them.

A check's ``run`` executes in the learner's process (sandboxed: the child), where the submission can read
everything and rebind any module's function (``np.array_equal``, ``torch.equal``, the spec's own helpers).
So a ``run`` only observes: it returns raw values, and the judge (``Holds.judge``, or ``Agrees``' comparison
with the reference) decides in the trusted process. Read from the spec's source, without importing it:

- error: a ``run`` (or a function of the spec it calls) calls a comparison (``np.array_equal``,
  ``torch.allclose``, ``compare``, ...) or computes a comparison of values as a value (``exact = a == b``,
  ``all(x < y ...)``): a verdict made where the learner can rewrite it. A comparison that only steers the
  run (the test of an ``if``, a ternary, a comprehension's ``if``) decides nothing the judge takes, and an
  identity test (``x is None``) is an observation;
- note: a judge reads, off a case's value, an attribute that a class of the spec defines (``case["fn"]
  .timed_ms`` of a fixture): what learner code receives it can read, so the verdict must also rest on
  something the trusted process observes itself (``Holds(clocked=True)``: its own clock; or its own
  measurement). A clocked check gets no such note.

>>> findings_in("def run(fn, case):\\n    return fn(*case.args) == 1\\n"
...             "CHECKS = (Holds(name='c', run=run, judge=j, examples=()),)\\n")
["check 'c': `run` compares values in the learner's process (line 2)"]
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

# functions whose result is a verdict about values (by the last part of the name they are called by)
COMPARISONS = frozenset(
    {
        "compare",
        "equal",
        "array_equal",
        "array_equiv",
        "allclose",
        "isclose",
        "assert_close",
        "assert_allclose",
        "assert_equal",
        "assert_array_equal",
        "assert_array_almost_equal",
    }
)
CHECK_KINDS = frozenset({"Agrees", "Holds", "Raises", "Races", "Check"})
VALUE_COMPARISONS = (ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE)


def findings_in(source: str) -> list[str]:
    """What is wrong with the spec ``source``: one line per finding, "note: " first for a note."""
    tree = ast.parse(source)
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    fixture_attributes = _class_attributes(tree)
    found: list[str] = []
    for call in _check_calls(tree):
        name = _keyword_constant(call, "name") or "?"
        run = _keyword(call, "run")
        if run is not None:
            for function in _reachable(_named_function(run, functions), functions):
                found += [f"check {name!r}: `{function.name}` {what}" for what in _judging(function)]
        judge = _keyword(call, "judge")
        clocked = _keyword_constant(call, "clocked") is True
        function = _named_function(judge, functions) if judge is not None and not clocked else None
        if function is not None:
            reads = _fixture_reads(function, fixture_attributes)
            found += [f"note: check {name!r}: `{function.name}` {what}" for what in reads]
    return list(dict.fromkeys(found))


def _check_calls(tree: ast.Module) -> Iterator[ast.Call]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _called_name(node.func) in CHECK_KINDS:
            yield node


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _keyword_constant(call: ast.Call, name: str) -> object:
    value = _keyword(call, name)
    return value.value if isinstance(value, ast.Constant) else None


def _called_name(func: ast.expr) -> str:
    """``np.testing.assert_close`` -> ``assert_close``; a name -> itself; anything else -> ""."""
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _named_function(value: ast.expr, functions: dict[str, ast.FunctionDef]) -> ast.FunctionDef | None:
    """The spec's function a ``run=``/``judge=`` names, or the factory it calls (``run=only("std")``)."""
    if isinstance(value, ast.Call):
        value = value.func
    return functions.get(value.id) if isinstance(value, ast.Name) else None


def _reachable(start: ast.FunctionDef | None, functions: dict[str, ast.FunctionDef]) -> list[ast.FunctionDef]:
    """``start`` and every function of the spec it calls by name, however deep (its helpers run there too)."""
    seen: dict[str, ast.FunctionDef] = {}
    todo = [start] if start is not None else []
    while todo:
        function = todo.pop()
        if function.name in seen:
            continue
        seen[function.name] = function
        for node in ast.walk(function):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in functions:
                todo.append(functions[node.func.id])
    return list(seen.values())


def _judging(function: ast.FunctionDef) -> list[str]:
    steering = _steering_tests(function)
    found = []
    for node in ast.walk(function):
        if isinstance(node, ast.Call) and _called_name(node.func) in COMPARISONS:
            found.append(f"calls `{_called_name(node.func)}` in the learner's process (line {node.lineno})")
        elif isinstance(node, ast.Compare) and id(node) not in steering and _compares_values(node):
            found.append(f"compares values in the learner's process (line {node.lineno})")
    return found


def _compares_values(node: ast.Compare) -> bool:
    return any(isinstance(op, VALUE_COMPARISONS) for op in node.ops)


def _class_attributes(tree: ast.Module) -> frozenset[str]:
    """The attribute names the spec's classes define: methods, class-level names, ``self.x = ...``."""
    names: set[str] = set()
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        for node in ast.walk(cls):
            if isinstance(node, ast.FunctionDef) and node in cls.body:
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                if isinstance(node.value, ast.Name) and node.value.id == "self":
                    names.add(node.attr)
            elif isinstance(node, ast.AnnAssign | ast.Assign) and node in cls.body:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return frozenset(names - {"__init__", "__call__", "__repr__"})


def _steering_tests(function: ast.FunctionDef) -> set[int]:
    """The comparisons that only choose what the run does next: tests of if/while/ternaries/asserts and of
    comprehensions, with the boolean operators and ``not`` around them."""
    tests: list[ast.expr] = []
    for node in ast.walk(function):
        if isinstance(node, ast.If | ast.While | ast.IfExp | ast.Assert):
            tests.append(node.test)
        elif isinstance(node, ast.comprehension):
            tests += node.ifs
    steering: set[int] = set()
    while tests:
        test = tests.pop()
        if isinstance(test, ast.BoolOp):
            tests += test.values
        elif isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            tests.append(test.operand)
        elif isinstance(test, ast.Compare):
            steering.add(id(test))
    return steering


def _fixture_reads(function: ast.FunctionDef, fixture_attributes: frozenset[str]) -> list[str]:
    """Attributes of the spec's classes that the judge reads off a case's values (``case["fn"].timed_ms``,
    or through a name bound to ``case["fn"]``): the case is the judge's first parameter."""
    params = function.args.posonlyargs + function.args.args
    if not params:
        return []
    case = params[0].arg

    def is_case_value(node: ast.expr) -> bool:
        return isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == case

    aliases = {
        target.id: key
        for node in ast.walk(function)
        if isinstance(node, ast.Assign) and is_case_value(node.value)
        for target in node.targets
        if isinstance(target, ast.Name)
        for key in [ast.unparse(node.value.slice)]
    }
    found = []
    for node in ast.walk(function):
        if not isinstance(node, ast.Attribute) or node.attr not in fixture_attributes:
            continue
        if is_case_value(node.value):
            key = ast.unparse(node.value.slice)
        elif isinstance(node.value, ast.Name) and node.value.id in aliases:
            key = aliases[node.value.id]
        else:
            continue
        found.append(
            f"reads `.{node.attr}` off the case's {key}, which learner code receives and can read too"
            f" (line {node.lineno}): let the verdict also rest on what the trusted process observes itself"
            " (Holds(clocked=True), or its own measurement)"
        )
    return found
