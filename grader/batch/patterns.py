"""What a TA reads across a class: the common wrong-output patterns, and submissions with the same code.

:func:`wrong_output` reduces a failed check's message to its pattern (numbers and values left out; a
shape that is a permutation of the expected one named as such), so that the class report can say
"41 learners: result is transposed". :func:`fingerprint` is a digest of an exercise's code after
normalising names, comments, docstrings and layout: two learners with the same fingerprint wrote the
same code. Pairs are listed for a person to look at, never a penalty.
"""

from __future__ import annotations

import ast
import hashlib
import re

SHAPE = re.compile(r"expected shape \(([^)]*)\),? got (?:shape )?\(([^)]*)\)")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")
MAX_SOURCE = 200_000  # characters parsed for a fingerprint; a bigger file gets none


def wrong_output(message: str) -> str:
    """A failed check's message (grader.feedback: a title line, then the problem) as its pattern."""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    problem = lines[1] if len(lines) > 1 else (lines[0] if lines else "")
    shape = SHAPE.search(problem)
    if shape:
        expected, got = (tuple(NUMBER.findall(s)) for s in shape.groups())
        if expected != got and sorted(expected) == sorted(got):
            where = problem.split(":", 1)[0] if ":" in problem else "result"
            kind = "transposed" if len(expected) == 2 else "dimensions permuted"
            return f"{where}: {kind} (expected shape ({', '.join(expected)}), got ({', '.join(got)}))"
    return NUMBER.sub("#", problem)[:200]


class _Normalise(ast.NodeTransformer):
    """Names numbered in order of appearance; docstrings dropped (comments and layout never reach ast)."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}

    def _name(self, name: str) -> str:
        return self.names.setdefault(name, f"n{len(self.names)}")

    def visit_Name(self, node: ast.Name) -> ast.AST:
        return ast.copy_location(ast.Name(self._name(node.id), node.ctx), node)

    def visit_arg(self, node: ast.arg) -> ast.AST:
        node.arg = self._name(node.arg)
        node.annotation = None
        return node

    def _body(self, node):
        first = node.body[0] if node.body else None
        value = first.value if isinstance(first, ast.Expr) else None
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            node.body = node.body[1:] or [ast.Pass()]
        return node

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        node.name = self._name(node.name)
        node.returns = None
        self.generic_visit(node)
        return self._body(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        node.name = self._name(node.name)
        self.generic_visit(node)
        return self._body(node)

    def visit_Module(self, node: ast.Module) -> ast.AST:
        self.generic_visit(node)
        return self._body(node)


def fingerprint(source: bytes | None) -> str | None:
    """The code's digest after normalisation; None when there is no parsable code."""
    if not source or len(source) > MAX_SOURCE:
        return None
    try:
        tree = ast.parse(source.decode("utf-8"))
        normal = ast.dump(_Normalise().visit(tree), annotate_fields=False, include_attributes=False)
    except (SyntaxError, UnicodeDecodeError, ValueError, RecursionError, MemoryError):
        return None
    return "sha256:" + hashlib.sha256(normal.encode()).hexdigest()[:32]


def same_code(rows: list[dict]) -> list[dict]:
    """Groups of learners whose code for an exercise is the same (gradebook.current rows), leaving out
    code that earned nothing (the untouched stub, which every learner who did not start shares)."""
    groups: dict[tuple[str, str], list[str]] = {}
    for learner in rows:
        for exercise, e in learner["exercises"].items():
            if e.get("fingerprint") and e["status"] != "not_started":
                groups.setdefault((exercise, e["fingerprint"]), []).append(learner["learner"])
    return [
        {"exercise": exercise, "learners": sorted(learners)}
        for (exercise, _), learners in sorted(groups.items())
        if len(learners) > 1
    ]
