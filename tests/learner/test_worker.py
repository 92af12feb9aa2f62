"""grader.learner.worker: a verdict per grading, whatever the learner's code does to its process."""

from pathlib import Path

import pytest
from learner_helpers import solve

from grader.learner.worker import Grading

MAKE_GRID = "01_tensors/make_grid.py"
HEADER = "import torch\n\n\ndef make_grid(rows, cols, dtype=torch.int64):\n"


@pytest.fixture(scope="module", autouse=True)
def warm_fork_server(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The fork server's imports (seconds, once per process) must not count against the timeouts below."""
    import shutil

    from learner_helpers import ROOT

    tree = tmp_path_factory.mktemp("warm") / "exercises"
    shutil.copytree(ROOT / "exercises", tree)
    Grading("make_grid", tree, 1, 0, "en", 120).result()


def grade(repository: Path, source: str | None = None, timeout: float = 60) -> object:
    solve(repository, MAKE_GRID, source)
    return Grading("make_grid", repository / "exercises", 5, 0, "en", timeout).result()


def test_a_right_answer_passes_with_full_marks(repository: Path) -> None:
    verdict = grade(repository)
    assert (verdict.status, verdict.score, verdict.max_score) == ("passed", 10, 10)
    assert verdict.digest and verdict.seconds > 0


def test_a_wrong_answer_gets_its_feedback_without_the_hints_and_what_it_printed(repository: Path) -> None:
    wrong = (
        "import torch\n\ndef make_grid(rows, cols, dtype=torch.int64):\n    print('hello from the learner')\n"
    )
    wrong += "    return torch.zeros(rows, cols, dtype=dtype)\n"
    verdict = grade(repository, wrong)
    assert verdict.status == "failed" and verdict.score < 10
    assert (
        "make_grid (A numbered grid) ›" in verdict.feedback and "smallest failing input" in verdict.feedback
    )
    assert "hint:" not in verdict.feedback  # hints are revealed on request
    assert "hello from the learner" in verdict.output


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ("    while True:\n        pass\n", "timeout", "still running after 3 s"),
        ("    import os\n    os._exit(0)\n", "exited", "sys.exit or os._exit"),
        ("    import ctypes\n    ctypes.string_at(0)\n", "crashed", "crashed"),
    ],
    ids=["endless loop", "os._exit", "segfault"],
)
def test_code_that_takes_its_process_down_ends_one_verdict(
    repository: Path, body: str, status: str, words: str
):
    verdict = grade(
        repository, f"import torch\n\ndef make_grid(rows, cols, dtype=torch.int64):\n{body}", timeout=3
    )
    assert verdict.status == status and words in verdict.feedback
    assert grade(repository).status == "passed"  # and the next grading works as before
