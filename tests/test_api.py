"""The spec authors' API (grader.api) is the only part of the engine a course's specs import, and the
sandbox's list of blocked modules follows from it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import grader
from grader import api, course
from grader.sandbox import child

SPECS = sorted(course.active().specs_dir.glob("*.py"))


def is_grader(module: str) -> bool:
    return module.split(".")[0] == "grader"


def grader_imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import of a grader module in a file, at any depth, aliased or not."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if is_grader(a.name)]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and is_grader(node.module or ""):
            found.append((node.lineno, node.module))
    return found


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.stem)
def test_a_spec_imports_nothing_of_the_engine_but_its_api(path: Path) -> None:
    outside = [(line, module) for line, module in grader_imports(path) if module != "grader.api"]
    assert not outside, f"{path.name} imports engine internals {outside}: use grader.api instead"


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.stem)
def test_a_spec_shares_code_only_through_helper_modules(path: Path) -> None:
    """Shared spec helpers live in the course's ``specs/_*.py``, never in another exercise's spec."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            assert (node.module or "").startswith("_"), f"{path.name}:{node.lineno} imports a spec"


def test_the_checker_sees_a_forbidden_import(tmp_path: Path) -> None:
    spec = tmp_path / "spec.py"
    spec.write_text("import torch\n\ndef run(fn, case):\n    from grader.runner import judge\n", "utf-8")
    assert grader_imports(spec) == [(4, "grader.runner")]


def test_every_name_of_the_api_exists_and_nothing_else_is_public() -> None:
    assert len(set(api.__all__)) == len(api.__all__)
    for name in api.__all__:
        assert getattr(api, name) is not None
    public = {n for n in vars(api) if not n.startswith("_") and n != "annotations"}
    assert public == set(api.__all__)
    ns: dict = {}
    exec("from grader.api import *", ns)
    assert set(ns) - {"__builtins__"} == set(api.__all__)


def test_the_sandbox_blocks_every_engine_module_outside_the_api() -> None:
    internals = set(child.INTERNALS)
    assert {
        "grader.runner",
        "grader.loader",
        "grader.catalog",
        "grader.course",
        "grader.sandbox",
    } <= internals
    assert {
        "grader.score",
        "grader.plugin",
        "grader.gate",
        "grader.authoring",
        "grader.feedback",
    } <= internals
    # what the API is made of stays importable: cases the parent sends are unpickled against it, and
    # learners may use grader.datasets
    made_of = {"grader.api"} | {child.type_module(getattr(api, n)) for n in api.__all__ if n != "strategies"}
    assert {"grader.spec", "grader.cases", "grader.datasets", "grader.strategies"} <= made_of | {
        api.strategies.__name__
    }
    assert not internals & (made_of | {api.strategies.__name__})
    # and nothing else: a module of the engine is blocked unless the API comes from it
    package = Path(grader.__file__).parent
    modules = {f"grader.{p.stem}" for p in package.glob("*.py") if p.stem != "__init__"}
    modules |= {f"grader.{p.parent.name}" for p in package.glob("*/__init__.py")}
    assert modules - made_of - {api.strategies.__name__} == internals
    assert child._internal("grader.gate.static") and not child._internal("grader.spec")
