"""Whether a learner's file is still the stub: seen without importing it (light: no torch), so the learner's
loop, ``grader score`` and the pytest plugin can tell "not started" from "wrong" before running anything."""

from __future__ import annotations

import ast
from pathlib import Path

from grader.catalog import Exercise
from grader.sources import read_python


def is_not_started(exercise: Exercise, root: Path) -> bool:
    """True when every entry's body is still the stub's: a docstring and ``raise NotImplementedError``."""
    try:
        source = read_python(Path(root) / exercise.relpath, root)
    except (OSError, SyntaxError, UnicodeDecodeError):
        return False
    return is_stub_source(exercise, source)


def is_stub_source(exercise: Exercise, source: str) -> bool:
    """The same, for a file's text (a copy of the stub from the course or from git)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return False
    bodies: list[list[ast.stmt]] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name in exercise.entry:
            bodies.append(node.body)
        elif isinstance(node, ast.ClassDef) and node.name in exercise.entry:
            bodies.extend(n.body for n in node.body if isinstance(n, ast.FunctionDef))
    return bool(bodies) and all(_is_stub_body(body) for body in bodies)


def _is_stub_body(body: list[ast.stmt]) -> bool:
    statements = [s for s in body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    if len(statements) != 1 or not isinstance(statements[0], ast.Raise):
        return False
    raised = statements[0].exc
    target = raised.func if isinstance(raised, ast.Call) else raised
    return isinstance(target, ast.Name) and target.id == "NotImplementedError"
