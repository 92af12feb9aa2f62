"""grader.learner.state: the loop's memory, kept out of git, never showing a verdict for changed code."""

from pathlib import Path

from grader.learner.state import FOLDER, State, Verdict


def test_state_round_trips_and_ignores_itself_in_git(tmp_path: Path) -> None:
    state = State.load(tmp_path)
    state.hints["patchify"] = 2
    state.verdicts["patchify"] = Verdict("failed", 6.0, 15.0, "feedback", "printed", 0.5, "abc")
    state.save()
    again = State.load(tmp_path)
    assert again.hints == {"patchify": 2} and again.verdicts["patchify"].feedback == "feedback"
    assert (tmp_path / FOLDER / ".gitignore").read_text().splitlines()[-1] == "*"


def test_a_verdict_is_only_given_for_the_file_it_was_given_for(tmp_path: Path) -> None:
    file = tmp_path / "x.py"
    file.write_text("a = 1\n")
    state = State.load(tmp_path)
    from grader.learner.state import digest

    state.verdicts["x"] = Verdict("passed", digest=digest(file))
    assert state.verdict("x", file) is not None
    file.write_text("a = 2\n")
    assert state.verdict("x", file) is None


def test_hints_are_revealed_one_at_a_time_up_to_the_last(tmp_path: Path) -> None:
    state = State.load(tmp_path)
    assert [state.reveal_hint("e", 2) for _ in range(4)] == [1, 2, 2, 2]


def test_an_unreadable_state_starts_afresh(tmp_path: Path) -> None:
    (tmp_path / FOLDER).mkdir()
    (tmp_path / FOLDER / "state.json").write_text("{not json")
    assert State.load(tmp_path).hints == {}
