"""Find calls to forbidden APIs in a learner's source, statically (AST), with their line numbers.

Patterns, as written in a catalog entry's ``forbidden`` list:

- ``torch.nn.functional.one_hot`` — a dotted name, matched after resolving import aliases
  (``import torch.nn.functional as F; F.one_hot``, ``from torch.nn.functional import one_hot``);
  a module pattern such as ``torch.autograd`` also matches everything inside it;
- ``.matmul`` — any attribute or imported name ``matmul`` (``a.matmul(b)``, ``torch.matmul``,
  ``getattr(torch, "matmul")``);
- ``@`` — the matrix-multiplication operator.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ForbiddenUse:
    line: int
    code: str
    pattern: str


def check_patterns(patterns: Sequence[str]) -> list[str]:
    """Problems with a forbidden list itself (for ``grader check``); empty when every pattern parses."""
    problems = []
    for p in patterns:
        body = p[1:] if p.startswith(".") else p
        if p != "@" and not all(part.isidentifier() for part in body.split(".")):
            problems.append(
                f"forbidden pattern {p!r}: expected '@', '.name' or a dotted name like 'torch.mm'"
            )
    return problems


def find_forbidden(source: str, patterns: Sequence[str]) -> list[ForbiddenUse]:
    """Every use of a forbidden pattern in ``source``, sorted by line."""
    if not patterns:
        return []
    tree = ast.parse(source)
    aliases = _import_aliases(tree)
    attrs = {p[1:] for p in patterns if p.startswith(".")}
    dotted = [p for p in patterns if p != "@" and not p.startswith(".")]
    found: set[ForbiddenUse] = set()

    def hit(node: ast.AST, pattern: str) -> None:
        found.add(ForbiddenUse(getattr(node, "lineno", 0), ast.unparse(node), pattern))

    for node in ast.walk(tree):
        if (
            "@" in patterns
            and isinstance(node, ast.BinOp | ast.AugAssign)
            and isinstance(node.op, ast.MatMult)
        ):
            hit(node, "@")
        if isinstance(node, ast.Attribute) and node.attr in attrs:
            hit(node, "." + node.attr)
        if isinstance(node, ast.alias) and node.name.rsplit(".", 1)[-1] in attrs:
            hit(node, "." + node.name.rsplit(".", 1)[-1])
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "getattr"
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and node.args[1].value in attrs
        ):
            hit(node, "." + str(node.args[1].value))
        if isinstance(node, ast.Name) and node.id in aliases and aliases[node.id].rsplit(".", 1)[-1] in attrs:
            hit(node, "." + aliases[node.id].rsplit(".", 1)[-1])
        if isinstance(node, ast.Attribute | ast.Name):
            full = _resolve(node, aliases)
            for pattern in dotted:
                if full and (full == pattern or full.startswith(pattern + ".")):
                    hit(node, pattern)
        if isinstance(node, ast.ImportFrom | ast.Import):
            for alias in node.names:
                full = f"{node.module}.{alias.name}" if isinstance(node, ast.ImportFrom) else alias.name
                for pattern in dotted:
                    if full == pattern or full.startswith(pattern + "."):
                        hit(node, pattern)
    return _outermost(sorted(found))


def _import_aliases(tree: ast.AST) -> dict[str, str]:
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.asname:
                    aliases[a.asname] = a.name
                else:
                    top = a.name.split(".")[0]
                    aliases[top] = top
        elif isinstance(node, ast.ImportFrom) and node.module:
            for a in node.names:
                aliases[a.asname or a.name] = f"{node.module}.{a.name}"
    return aliases


def _resolve(node: ast.AST, aliases: dict[str, str]) -> str | None:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name) or node.id not in aliases:
        return None
    return ".".join([aliases[node.id], *reversed(parts)])


def _outermost(uses: list[ForbiddenUse]) -> list[ForbiddenUse]:
    """Drop a use whose code is part of another use on the same line (``torch.nn`` inside ``torch.nn.x``)."""
    kept = []
    for u in uses:
        if not any(o is not u and o.line == u.line and u.code in o.code and o.code != u.code for o in uses):
            kept.append(u)
    seen: set[tuple[int, str]] = set()
    unique = []
    for u in kept:
        if (u.line, u.code) not in seen:
            seen.add((u.line, u.code))
            unique.append(u)
    return unique
