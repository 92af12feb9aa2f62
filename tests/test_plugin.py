"""`pytest exercises/`: the plugin, run on small trees with pytester."""

from pathlib import Path

import pytest

from grader import catalog, course
from grader.runner import (
    check_names,  # imported before pytester snapshots sys.modules (numpy can't re-import)
)

ROOT = Path(__file__).resolve().parent.parent
EXERCISE = course.active().get("broadcast_add")

WRONG = """
def broadcast_add(a, b):
    return a + b
"""


@pytest.fixture(autouse=True)
def grader_importable(monkeypatch: pytest.MonkeyPatch) -> None:
    """pytester runs pytest in a subprocess: let it import this checkout's grader even when not installed."""
    monkeypatch.setenv("PYTHONPATH", str(ROOT))


@pytest.fixture
def tree(pytester: pytest.Pytester):
    """Returns a function that writes a one-exercise tree with the given source and returns its path."""

    def write(source: str, exercise: catalog.Exercise = EXERCISE) -> Path:
        target = pytester.path / "course" / exercise.relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(source, encoding="utf-8")
        return target.parent.parent

    return write


def checks() -> list[str]:
    return check_names(EXERCISE)


def run(pytester: pytest.Pytester, root: Path, *args: str) -> pytest.RunResult:
    return pytester.runpytest("-p", "grader.plugin", "--grader-max-examples", "10", *args, str(root))


def stub(exercise: catalog.Exercise = EXERCISE) -> str:
    return (ROOT / "exercises" / exercise.relpath).read_text(encoding="utf-8")


def reference(exercise: catalog.Exercise = EXERCISE) -> str:
    return (ROOT / "reference" / exercise.relpath).read_text(encoding="utf-8")


def test_nothing_started_is_a_welcome_not_a_failure(pytester, tree) -> None:
    result = run(pytester, tree(stub()), "--lang", "en")
    result.assert_outcomes()  # no passed/failed items: a not-started exercise is its own category
    assert result.parseoutcomes() == {"unstarted": 1}
    assert result.ret == pytest.ExitCode.OK  # tox -e grade on a fresh clone: no "evaluation failed"
    text = result.stdout.str()
    assert "Traceback" not in text and "NotImplementedError(" not in text
    assert "not started: broadcast_add" not in text  # the greeting instead of one line per exercise
    result.stdout.fnmatch_lines(
        [
            "Welcome! Each exercise is one function to write*",
            "Run `grader watch`*",
            "Start with course/02_broadcasting/broadcast_add.py; `grader hint broadcast_add`*",
            "*exercises complete 0/1, points 0/10*",
        ]
    )


def test_under_tox_the_welcome_first_says_how_to_reach_its_commands(pytester, tree, monkeypatch) -> None:
    monkeypatch.setenv("TOX_ENV_DIR", str(pytester.path / ".tox" / "grade"))  # tox sets it for its commands
    result = run(pytester, tree(stub()), "--lang", "en")
    result.stdout.fnmatch_lines(
        [
            "Welcome! Each exercise is one function to write*",
            "The `grader` and `pytest` commands are inside tox's environment: first run"
            " `. .tox/grade/bin/activate` (once per terminal)*",
            "Run `grader watch`*",
        ]
    )


def test_the_welcome_in_chinese(pytester, tree) -> None:
    result = run(pytester, tree(stub()), "--lang", "zh")
    result.stdout.fnmatch_lines(
        ["欢迎！*", "*从 course/02_broadcasting/broadcast_add.py 开始*", "*已完成练习 0/1*"]
    )


def test_once_started_each_unstarted_exercise_is_one_line(pytester, tree) -> None:
    other = course.active().get("patchify")
    tree(stub(other), other)
    result = run(pytester, tree(WRONG), "--lang", "en")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    text = result.stdout.str()
    assert "Welcome!" not in text
    assert "not started: patchify (03_reshaping/patchify.py)" in text
    result.stdout.fnmatch_lines(["*exercises complete 0/2, points *"])


def test_correct_code_passes_every_check(pytester, tree) -> None:
    result = run(pytester, tree(reference().replace("torch.broadcast_tensors", "torch.broadcast_tensors")))
    # a copy of the reference outside reference/ is a learner's file: its forbidden call is caught
    result.assert_outcomes(passed=len(checks()) - 1, failed=1)
    result.stdout.fnmatch_lines(["*line *: `torch.broadcast_tensors` is not allowed*"])
    result.stdout.fnmatch_lines(["*exercises complete 0/1, points 0/10*"])


def test_learner_solution_passes(pytester, tree) -> None:
    right = (ROOT / "tests/submissions/broadcast_add/right_expand.py").read_text(encoding="utf-8")
    result = run(pytester, tree(right), "-v")
    result.assert_outcomes(passed=len(checks()))
    result.stdout.fnmatch_lines(
        ["*broadcast_add.py::matches_a_plus_b PASSED*", "*complete 1/1, points 10/10*"]
    )


def test_failure_shows_input_hint_and_no_grader_frames(pytester, tree) -> None:
    result = run(pytester, tree(WRONG), "--lang", "en", "-v")
    result.stdout.fnmatch_lines(
        ["*::broadcasts_explicitly FAILED*", "*::rejects_incompatible_shapes FAILED*"]
    )
    text = result.stdout.str()
    assert "smallest failing input:" in text
    assert "broadcast_add(a, b)" in text and "a = torch.tensor(" in text
    assert "hint: Align the shapes from the right" in text
    assert '(reread "PyTorch basics: from NumPy to deep learning", §2.4)' in text  # the tutorial, by title
    assert "grader/runner.py" not in text and "site-packages" not in text
    result.stdout.fnmatch_lines(["*exercises complete 0/1, points *"])
    assert "points 0/10" not in text and "points 10/10" not in text


def test_feedback_in_chinese(pytester, tree, monkeypatch) -> None:
    monkeypatch.setenv("GRADER_LANG", "zh")
    result = run(pytester, tree(WRONG))
    text = result.stdout.str()
    assert "最小的失败输入" in text and "提示" in text and "已完成练习 0/1" in text
    assert "(请重读《PyTorch 入门教程：从 NumPy 到深度学习》§2.4)" in text


def test_cli_language_beats_environment(pytester, tree, monkeypatch) -> None:
    monkeypatch.setenv("GRADER_LANG", "zh")
    result = run(pytester, tree(WRONG), "--lang", "en")
    assert "smallest failing input" in result.stdout.str()


def test_bad_language_is_a_usage_error(pytester, tree) -> None:
    result = run(pytester, tree(WRONG), "--lang", "fr")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*Expected a language in ('en', 'zh') but got 'fr'*"])


def test_one_exercise_runs_alone(pytester, tree) -> None:
    root = tree(WRONG)
    everything = run(pytester, root).parseoutcomes()
    assert run(pytester, root, "-k", "broadcast_add").parseoutcomes() == everything
    assert run(pytester, root, "-m", "broadcast_add").parseoutcomes() == everything
    alone = run(pytester, root, "-k", "rejects_incompatible_shapes").parseoutcomes()
    assert alone == {"failed": 1, "deselected": len(checks()) - 1}


def test_syntax_error_is_one_line_not_a_traceback(pytester, tree) -> None:
    result = run(pytester, tree("def broadcast_add(a, b):\n    return a +\n"))
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*could not load*SyntaxError*"])
    assert "grader/loader.py" not in result.stdout.str()


def test_missing_function_names_it(pytester, tree) -> None:
    result = run(pytester, tree("def add(a, b):\n    return a + b\n"))
    result.stdout.fnmatch_lines(["*defines no `broadcast_add`*"])


def test_learner_print_output_is_shown(pytester, tree) -> None:
    result = run(pytester, tree("def broadcast_add(a, b):\n    print('debug', a.shape)\n    return a + b\n"))
    result.stdout.fnmatch_lines(["*Captured stdout call*", "debug torch.Size*"])


def test_items_follow_course_order(pytester, tree) -> None:
    for exercise in course.active().exercises:
        tree(stub(exercise), exercise)
    result = run(pytester, tree(stub()), "--collect-only", "-q")
    ids = [line.split("::")[0].split("/")[-1][: -len(".py")] for line in result.stdout.lines if "::" in line]
    assert ids == [e.id for e in course.active().exercises]


def test_non_exercise_files_are_ignored(pytester, tree) -> None:
    root = tree(WRONG)
    (root / "02_broadcasting" / "notes.py").write_text("raise SystemExit('should not be imported')\n")
    (root / "99_other").mkdir()
    (root / "99_other" / "broadcast_add.py").write_text("raise SystemExit('wrong chapter')\n")
    result = run(pytester, root)
    assert sum(result.parseoutcomes().get(k, 0) for k in ("passed", "failed")) == len(checks())


def test_settings_come_from_the_command_line_then_the_environment_then_the_ini_file(
    pytester, tree, monkeypatch
) -> None:
    monkeypatch.delenv("GRADER_LANG", raising=False)
    pytester.makeini("[pytest]\ngrader_lang = zh\n")
    root = tree(WRONG)
    assert "已完成练习 0/1" in run(pytester, root).stdout.str()
    monkeypatch.setenv("GRADER_LANG", "en")
    assert "exercises complete 0/1" in run(pytester, root).stdout.str()
    assert "已完成练习 0/1" in run(pytester, root, "--lang", "zh").stdout.str()


def test_a_bad_setting_is_a_usage_error_naming_it(pytester, tree) -> None:
    result = run(pytester, tree(WRONG), "--grader-seed", "x")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*Expected a whole number but got 'x' (from --grader-seed)*"])
