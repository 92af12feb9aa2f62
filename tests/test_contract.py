"""docs/catalog.md, the exercise contract, is the built-in course's own: it fails here when they drift."""

from __future__ import annotations

from pathlib import Path

from grader import contract, course
from grader.cli import main

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "docs" / "catalog.md"


def test_the_committed_contract_is_the_one_the_course_gives() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == contract.render(course.active()), (
        "docs/catalog.md no longer matches the course: run `grader list --markdown docs/catalog.md`"
    )


def test_the_contract_holds_every_exercise_its_signature_and_its_tutorial() -> None:
    built_in = course.active()
    text = contract.render(built_in)
    for exercise in built_in.exercises:
        assert f"### {exercise.id} — {exercise.title.en}" in text
        assert f"File `exercises/{exercise.chapter}/{exercise.id}.py`" in text
        assert exercise.statement.en.strip() in text
        assert built_in.cite(exercise.seed).en in text
    assert "    def make_grid(rows: int, cols: int, dtype: torch.dtype = torch.int64) -> torch.Tensor" in text
    assert "    class SimpleNet(nn.Module):\n        def __init__(self, input_size: int = 784," in text
    assert "| 004 | 《【AI深度学习基础】PyTorch初探》" in text and "/work/" not in text


def test_grader_list_writes_it(tmp_path: Path, capsys) -> None:
    assert main(["list", "--markdown", str(tmp_path / "catalog.md")]) == 0
    assert (tmp_path / "catalog.md").read_text(encoding="utf-8") == contract.render(course.active())
    assert "the contract of 40 exercises written to" in capsys.readouterr().out
    assert main(["list", "--markdown", str(tmp_path / "no" / "such" / "catalog.md")]) == 2
    assert "Expected a writable path for the contract" in capsys.readouterr().err
