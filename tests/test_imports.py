"""No two modules of grader/ import each other: every arrow between two modules points one way.

An import counts wherever it is written: at the top, inside a function, or under ``TYPE_CHECKING`` (a
circle hidden in a function is still a circle). ``from package import module`` is an arrow to that module,
not to the package's ``__init__``; ``from package import name`` is an arrow to the package.
"""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

GRADER = Path(__file__).resolve().parent.parent / "grader"


def modules(root: Path) -> dict[str, Path]:
    """Every module under ``root`` by its dotted name (a package by its own name, not ``__init__``)."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imported(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The modules of ``known`` that the module ``name`` (at ``path``) imports anywhere in its text."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                targets.add(submodule if submodule in known else source)
    found = set()
    for target in targets:
        while (
            target and target not in known
        ):  # `import grader.a.b` names grader.a.b; a name in it, its module
            target = target.rpartition(".")[0]
        if target and target != name:
            found.add(target)
    return found


def circles(root: Path) -> list[str]:
    known = modules(root)
    arrows = {name: imported(name, path, known) for name, path in known.items()}
    return [
        f"{a} <-> {b}"
        for a, b in itertools.combinations(sorted(arrows), 2)
        if b in arrows[a] and a in arrows[b]
    ]


def test_no_two_modules_of_the_grader_import_each_other():
    assert circles(GRADER) == []


def test_a_circle_is_found_however_it_is_hidden(tmp_path):
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from pkg import b\n")
    (package / "b.py").write_text("def late():\n    from pkg.a import thing\n")
    (package / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import d\n"
    )
    (package / "d.py").write_text("import pkg.c\n")
    (package / "sub" / "__init__.py").write_text("def spawn():\n    from pkg.sub.child import Child\n")
    (package / "sub" / "child.py").write_text("from pkg.sub import Parent\n")
    (package / "sub" / "own.py").write_text("from pkg.sub import child\n")  # a sibling module: one way
    assert circles(package) == ["pkg.a <-> pkg.b", "pkg.c <-> pkg.d", "pkg.sub <-> pkg.sub.child"]
