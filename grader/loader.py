"""Find and import one exercise from a tree laid out like ``exercises/`` (a learner's, or ``reference/``)."""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import sys
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grader.cases import Case
from grader.catalog import Exercise
from grader.harness import LearnerError, Outcome, learner_error, observe
from grader.i18n import Msg, msg

REPO_ROOT = Path(__file__).resolve().parent.parent


def reference_root() -> Path:
    """The reference tree: ``reference/`` in a checkout, else the copy packaged as ``grader/_reference``."""
    checkout = REPO_ROOT / "reference"
    if checkout.is_dir():
        return checkout
    return Path(__file__).resolve().parent / "_reference"


@dataclass(frozen=True)
class Implementation:
    exercise: Exercise
    root: Path
    path: Path
    impl: Any  # the entry itself, or a namespace of entries when the exercise has several

    def observe(self, check: Any, case: Case) -> Outcome:
        """Run one check's call in this process (the sandbox has a learner with the same method)."""
        return observe(check.run, self.impl, case, self.root)

    def close(self) -> None:
        """Nothing to release in-process."""


class LoadError(Exception):
    def __init__(self, problem: Msg, error: LearnerError | None = None) -> None:
        super().__init__(problem.render("en"))
        self.problem = problem
        self.error = error


def exercise_path(exercise: Exercise, root: Path) -> Path:
    return Path(root) / exercise.relpath


def load(exercise: Exercise, root: Path) -> Implementation:
    """Import ``<root>/<chapter>/<id>.py`` afresh under a private module name and return its entry."""
    root = Path(root).resolve()
    path = exercise_path(exercise, root)
    if not path.is_file():
        raise LoadError(msg("import_error", path=str(path), error="file not found"))
    digest = hashlib.sha1(str(root).encode()).hexdigest()[:10]
    name = f"_graded_{digest}_{exercise.id}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses and pickling look modules up by name
    try:
        spec.loader.exec_module(module)
    except (Exception, SystemExit) as e:
        sys.modules.pop(name, None)
        error = learner_error(e, root)
        raise LoadError(msg("import_error", path=str(path), error=error.summary()), error) from None
    missing = [entry for entry in exercise.entry if not hasattr(module, entry)]
    if missing:
        raise LoadError(msg("missing_entry", path=str(path), name=missing[0]))
    if len(exercise.entry) == 1:
        impl = getattr(module, exercise.entry[0])
    else:
        impl = types.SimpleNamespace(**{entry: getattr(module, entry) for entry in exercise.entry})
    return Implementation(exercise, root, path, impl)


def is_not_started(exercise: Exercise, root: Path) -> bool:
    """True when every entry's body is still the stub's: a docstring and ``raise NotImplementedError``."""
    path = exercise_path(exercise, root)
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError):
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
