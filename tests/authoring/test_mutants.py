"""Mutation analysis: the operators, stable ids, verdicts, and a weak spec caught with its survivors."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import torch
from authoring_helpers import copy_checkout, run_in

from grader import course
from grader.authoring.mutants import AXES, CORNER, PLAIN, Mutant, mutate
from grader.authoring.mutation import evaluate_mutants, reference_source
from grader.authoring.shape_mutants import Argument, shape_arguments
from grader.cases import Case, ramp
from grader.runner import load_checks

SOURCE = '''"""Docstring 1 + 2 is never mutated."""

import torch


def f(x: torch.Tensor, dim: int = 0) -> torch.Tensor:
    if x.ndim < 2:
        raise ValueError(f"need 2 dims, got {x.ndim - 1 + 1}")
    total = x.sum(dim=dim, keepdim=True) - x.T.mean(1)
    return torch.stack((x, total), dim=0, foreach=True)
'''


def by_id_of(mutants: list[Mutant]) -> dict[str, Mutant]:
    return {m.id: m for m in mutants}


def test_each_mutant_changes_one_thing_and_compiles() -> None:
    mutants = mutate(SOURCE)
    original = ast.dump(ast.parse(SOURCE))
    assert len({m.id for m in mutants}) == len(mutants)
    for m in mutants:
        compile(m.source, m.id, "exec")
        assert ast.dump(ast.parse(m.source)) != original
        assert m.original != m.mutated


def test_the_operators_cover_tensor_mistakes() -> None:
    found = by_id_of(mutate(SOURCE))
    expected = {
        "L7:Lt->LtE#0": ("x.ndim < 2", "x.ndim <= 2"),
        "L7:2+1#0": ("x.ndim < 2", "x.ndim < 3"),
        "L7:if->not#0": ("x.ndim < 2", "not x.ndim < 2"),
        "L8:raise->pass#0": (None, "pass"),
        "L9:sum->mean#0": ("x.sum(dim=dim, keepdim=True)", "x.mean(dim=dim, keepdim=True)"),
        "L9:dim=->drop#0": ("x.sum(dim=dim, keepdim=True)", "x.sum(keepdim=True)"),
        "L9:keepdim=->drop#0": ("x.sum(dim=dim, keepdim=True)", "x.sum(dim=dim)"),
        "L9:Sub->Add#0": (None, "x.sum(dim=dim, keepdim=True) + x.T.mean(1)"),
        "L9:Sub->left#0": (None, "x.sum(dim=dim, keepdim=True)"),
        "L9:Sub->swapped#0": (None, "x.T.mean(1) - x.sum(dim=dim, keepdim=True)"),
        "L9:.T->drop#0": ("x.T.mean(1)", "x.mean(1)"),
        "L9:mean->sum#0": ("x.T.mean(1)", "x.T.sum(1)"),
        "L9:True->False#0": (None, "x.sum(dim=dim, keepdim=False)"),
        "L10:0+1#0": (None, "torch.stack((x, total), dim=1, foreach=True)"),
        "L6:0-1#0": (None, None),  # the default of dim
    }
    for mutant_id, (before, after) in expected.items():
        assert mutant_id in found, (mutant_id, sorted(found))
        if before is not None:
            assert found[mutant_id].original == before
        if after is not None:
            assert found[mutant_id].mutated == after
    # never mutated: docstrings, annotations, the message of a raise, speed/strictness knobs
    assert not any(m.line in (1, 8) and not m.id.startswith("L8:raise") for m in found.values())
    assert not any("foreach" in m.id or "Tensor" in m.original for m in found.values())


def test_axis_changes_are_their_own_kind() -> None:
    found = by_id_of(mutate(SOURCE))
    kinds = {i: found[i].kind for i in ("L9:.T->drop#0", "L9:dim=->drop#0", "L10:0+1#0", "L9:Sub->Add#0")}
    assert kinds == {
        "L9:.T->drop#0": AXES,
        "L9:dim=->drop#0": PLAIN,
        "L10:0+1#0": AXES,
        "L9:Sub->Add#0": PLAIN,
    }
    assert found["L9:1+1#0"].kind == AXES  # x.T.mean(1) -> x.T.mean(2)
    assert found["L7:2+1#0"].kind == PLAIN  # x.ndim < 2 is a count, not an axis


PERMUTE = "def f(x):\n    return x.permute(0, 2, 3, 1) + x.shape[-1]\n"


def test_permute_swaps_each_pair_of_neighbours() -> None:
    found = by_id_of(mutate(PERMUTE))
    swaps = {m.mutated for m in found.values() if "permute" in m.id or m.id.startswith("L2:args->")}
    assert {"x.permute(2, 0, 3, 1)", "x.permute(0, 3, 2, 1)", "x.permute(0, 2, 1, 3)"} <= swaps
    assert found["L2:args->swapped#0"].kind == AXES
    assert "L2:permute[0,1]->swapped#0" not in found  # the same mutant as args->swapped
    packed = by_id_of(mutate("def f(x):\n    return x.permute((1, 0))\n"))
    assert packed["L2:permute[0,1]->swapped#0"].mutated == "x.permute((0, 1))"
    last_but_one = [m for m in found.values() if m.mutated == "x.shape[-2]"]  # shape[-1] -> shape[-2]
    assert [m.kind for m in last_but_one] == [AXES]


GUARDED = """import torch


def f(a, b, n):
    \"\"\"Docstring.\"\"\"
    if n < 0:
        return torch.zeros(0)
    return a @ b + n
"""


def _load(mutant: Mutant):
    namespace: dict = {}
    exec(compile(mutant.source, mutant.id, "exec"), namespace)
    return namespace["f"]


def test_corner_mutants_are_wrong_exactly_at_their_corner() -> None:
    arguments = (Argument("a", 2, "tensor"), Argument("b", 1, "tensor"))
    found = by_id_of(m for m in mutate(GUARDED, arguments) if m.kind == CORNER)
    # b is 1-D: it can have a side of 1 or 0, never be square; n is no tensor
    assert sorted(found) == sorted(
        f"L4:{kind}({name})->wrong#0" for kind, name in
        (("square", "a"), ("one", "a"), ("empty", "a"), ("one", "b"), ("empty", "b"))
    )  # fmt: skip
    square = _load(found["L4:square(a)->wrong#0"])
    a, b = ramp(3, 3), ramp(3)
    assert torch.equal(square(a, b, 1), a @ b + 2)  # every number one off
    assert torch.equal(square(ramp(2, 3), b, 1), ramp(2, 3) @ b + 1)
    assert torch.equal(square(ramp(1, 1), ramp(1), 1), ramp(1, 1) @ ramp(1) + 1)  # 1x1 is no square
    assert square(a, b, -1).shape == (1, 0)  # an empty result gains a dimension
    empty = _load(found["L4:empty(b)->wrong#0"])
    assert torch.equal(empty(ramp(2, 0), ramp(0), 1), torch.full((2,), 2.0))
    assert torch.equal(empty(ramp(2, 3), ramp(3), 1), ramp(2, 3) @ ramp(3) + 1)
    assert found["L4:one(b)->wrong#0"].mutated == "results wrong when b has a side of 1"


def test_transposed_argument_mutants() -> None:
    arguments = (Argument("a", 3, "tensor"), Argument("b", 1, "tensor"), Argument("s", 2, "shape"))
    found = by_id_of(m for m in mutate(GUARDED, arguments) if m.kind == AXES)
    assert sorted(found) == ["L4:a->transpose(-2,-1)#0", "L4:a->transpose(0,1)#0"]
    f = _load(found["L4:a->transpose(0,1)#0"])
    assert f(ramp(2, 3), ramp(2), 0).tolist() == (ramp(2, 3).T @ ramp(2)).tolist()
    assert "a = a.transpose(0, 1) on entry" in found["L4:a->transpose(0,1)#0"].mutated


def test_sized_arguments_come_from_the_fixed_examples() -> None:
    class Check:
        examples = (
            Case.of(x=ramp(3), shape=(), n=3),
            Case.of(x=ramp(2, 3), shape=(2, 3), n=4, kwargs={"w": ramp()}),
        )

    assert shape_arguments([Check()]) == (
        Argument("x", 2, "tensor"),
        Argument("shape", 2, "shape"),
        Argument("w", 0, "tensor"),
    )


def test_ids_are_stable_and_in_source_order() -> None:
    first, again = mutate(SOURCE), mutate(SOURCE)
    assert [m.id for m in first] == [m.id for m in again]
    assert [m.line for m in first] == sorted(m.line for m in first)


def test_shipped_checks_kill_every_mutant_of_a_strong_exercise() -> None:
    exercise = course.active().by_id()["column_stats"]
    verdicts = evaluate_mutants(exercise, mutate(reference_source(exercise)), max_examples=10)
    assert len(verdicts) >= 10
    assert all(v.killed for v in verdicts), [v.mutant.id for v in verdicts if not v.killed]
    assert {v.by for v in verdicts} <= {c.name for c in load_checks(exercise)}


def test_a_mutant_that_hangs_or_does_not_load_is_killed() -> None:
    exercise = course.active().by_id()["make_grid"]
    hangs = Mutant(
        "L1:hang#0", 1, "x", "y", "def make_grid(rows, cols, dtype=None):\n    while True:\n        pass\n"
    )
    broken = Mutant("L1:broken#0", 1, "x", "y", "raise ImportError('no')\n")
    verdicts = evaluate_mutants(exercise, [hangs, broken], max_examples=5, timeout_s=1.0)
    assert [(v.killed, v.by) for v in verdicts] == [(True, "timeout"), (True, "load")]


WEAK_SPEC = '''"""A deliberately weak spec: it only counts the results."""

from grader.api import Case, Holds, ramp, say


def four_results(case, result):
    return None if isinstance(result, tuple) and len(result) == 4 else say("four results", "四个结果")


CHECKS = (Holds(name="returns_four", examples=(Case.of(x=ramp(3, 2)),), judge=four_results),)
'''


@pytest.fixture(scope="module")
def weak_checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_checkout(tmp_path_factory.mktemp("weak"))
    (root / "course" / "specs" / "column_stats.py").write_text(WEAK_SPEC, encoding="utf-8")
    toml = root / "course" / "catalog" / "01_tensors.toml"
    # the course's own list (for its own reference's lines) gives way to this test's
    text = re.sub(
        r"(?m)^equivalent_mutants = \[\"L6:empty\(x\)->wrong#0\"\]\n", "", toml.read_text(encoding="utf-8")
    )
    marked = 'id = "column_stats"\nequivalent_mutants = ["L7:argmax->argmin#0", "L99:gone#0"]'
    toml.write_text(text.replace('id = "column_stats"', marked, 1), encoding="utf-8")
    return root


def test_a_weak_spec_is_flagged_with_its_survivors(weak_checkout: Path) -> None:
    command = ["check", "--mutants", "--exercise", "column_stats", "--jobs", "1", "--max-examples", "5"]
    done = run_in(weak_checkout, "-m", "grader.authoring.cli", *command)
    out = done.stdout
    assert done.returncode == 1, out + done.stderr
    # the reference passes and the stub fails, but the sample mistakes pass too: grader check says so
    assert "FAIL 01_tensors/column_stats" in out
    problems = [x for x in out.splitlines() if x.strip().startswith("- ")]
    assert problems and all("a wrong sample passes every check" in x for x in problems), out
    line = next(x for x in out.splitlines() if "WEAK column_stats" in x)
    # 14 mutants of the code, 3 corners of x (square, a side of 1, of 0) and x transposed on entry
    assert "0/18" in line and "1 marked equivalent" in line, line
    assert "corner 0/3  axes 0/9" in line, line  # axes: x transposed and the dim=0 of each reduction ± 1
    assert "survived L7:mean->sum#0" in out and "x.mean(dim=0)  ->  x.sum(dim=0)" in out
    assert "survived L6:square(x)->wrong#0" in out and "results wrong when x is square" in out
    assert "survived L7:argmax->argmin#0" not in out
    assert "equivalent_mutants lists 'L99:gone#0', which matches no mutant" in out
    assert "1 exercise(s) under 95%: column_stats" in out
    assert "over 1 exercise(s): plain 0/6, corner 0/3, axes 0/9" in out
