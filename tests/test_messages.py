"""grader.i18n: one way to write bilingual text. Every message the engine defines is walked here in both
languages; the one message that crosses the sandbox's wire is checked as the untrusted side may send it."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import grader
from grader.gate import runtime, verdict
from grader.i18n import LANGS, Msg, from_plain, lines, placeholders, say, to_plain
from grader.loader import IMPORT_ERROR, LOAD_PROBLEMS, MISSING_ENTRY
from grader.results import LABELS

ENGINE = Path(grader.__file__).resolve().parent


def engine_messages() -> dict[str, Msg]:
    """Every message the engine defines: each module's Msg constants, and those in its module-level dicts
    (status labels, trace problems), by where they are defined."""
    found: dict[str, Msg] = {}
    seen: set[tuple[str, str]] = set()
    for info in sorted(pkgutil.walk_packages(grader.__path__, "grader."), key=lambda m: m.name):
        module = importlib.import_module(info.name)  # one that does not import is a failure, not a skip
        for name, value in vars(module).items():
            items = value.items() if isinstance(value, dict) else [(None, value)]
            for key, item in items:
                if isinstance(item, Msg) and (item.en, item.zh) not in seen:  # imported ones: once
                    seen.add((item.en, item.zh))
                    found[f"{info.name}.{name}" + (f"[{key!r}]" if key is not None else "")] = item
    return found


MESSAGES = engine_messages()


class Sample:
    """A value for any placeholder: formats (with any spec) and converts to a mark naming it."""

    def __init__(self, name: str) -> None:
        self.mark = f"⟨{name}⟩"

    def __format__(self, spec: str) -> str:
        return self.mark

    def __repr__(self) -> str:
        return self.mark

    __str__ = __repr__


def test_the_walk_finds_the_engine_messages() -> None:
    """Not vacuous: messages of the comparison, the gate, the loader, the results and the reports."""
    names = set(MESSAGES)
    assert {"grader.compare.VALUES", "grader.loader.NOT_STARTED", "grader.results.PROGRESS"} <= names
    assert any(n.startswith("grader.gate.verdict.TRACE_PROBLEM_TEXTS[") for n in names)
    assert all(label in MESSAGES.values() for label in LABELS.values())  # walked, wherever first met
    assert len(MESSAGES) > 60


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_every_message_exists_in_both_languages_with_the_same_placeholders(name: str) -> None:
    message = MESSAGES[name]
    assert message.en.strip() and message.zh.strip(), f"{name} is empty in a language"
    assert placeholders(message.en) == placeholders(message.zh), f"{name}: placeholders differ"
    assert not message.params, f"{name} is defined with values: define the text, fill it where it is used"
    names = placeholders(message.en)
    filled = message(**{p: Sample(p) for p in names}) if names else message
    for lang in LANGS:
        text = filled.render(lang)
        assert not re.search(r"[{}]", text), f"{name} in {lang} leaves a brace: {text!r}"
        for p in names:
            assert f"⟨{p}⟩" in text, f"{name} in {lang} does not show {{{p}}}"


def test_every_trace_problem_has_its_text() -> None:
    assert verdict.TRACE_PROBLEM_TEXTS.keys() == {"missing", "malformed", *runtime.TRACE_PROBLEMS}


def test_no_other_way_of_writing_bilingual_text_is_left_in_the_engine() -> None:
    """No template dict looked up by key, no text formatted after rendering, no branch on the language."""
    banned = {
        "a branch on the language": re.compile(r"""lang\s*[!=]=\s*["'](zh|en)["']"""),
        "formatting after rendering": re.compile(r"\.render\([^()]*\)\.format\("),
        "the old template table": re.compile(r"\bTEMPLATES\b|\bmsg\("),
    }
    found = [
        f"{path.relative_to(ENGINE.parent)}:{number}: {what}"
        for path in sorted(ENGINE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        for what, pattern in banned.items()
        if pattern.search(line)
    ]
    assert found == []


# -- the Msg API ------------------------------------------------------------------------------------------


def test_a_defined_message_is_filled_where_it_is_used() -> None:
    greeting = say("not started: open {path}", "尚未开始：打开 {path}")
    used = greeting(path="a.py")
    assert used.render("en") == "not started: open a.py" and used.render("zh") == "尚未开始：打开 a.py"
    assert used.template == greeting and used != greeting
    assert greeting.render("en") == "not started: open {path}"  # no values: shown as written


def test_values_that_are_messages_render_in_the_same_language_and_specs_render_as_formatted() -> None:
    why = say("the point is to build it yourself", "这道题的目的是自己实现它")
    outer = say("`{call}` is not allowed ({why})", "不允许使用 `{call}`（{why}）", call="torch.mm", why=why)
    assert outer.render("zh") == "不允许使用 `torch.mm`（这道题的目的是自己实现它）"
    assert say("{percent:.0f}%", "{percent:.0f}%", percent=87.6).render("en") == "88%"
    shown = {"a": 1}
    literal = say(f"got {shown}", f"得到 {shown}")  # a spec's f-string keeps its braces
    assert literal.render("zh") == "得到 {'a': 1}"


def test_lines_and_mistakes_say_what_is_wrong() -> None:
    assert lines([say("a", "甲"), say("b {x}", "乙 {x}", x=1)]).render("zh") == "甲\n乙 1"
    only = say("a", "甲")
    assert lines([only]) is only
    with pytest.raises(ValueError, match="at least one message"):
        lines([])
    with pytest.raises(KeyError, match="needs a value for path"):
        say("open {path} {n}", "打开 {path} {n}", n=1).render("en")
    with pytest.raises(TypeError, match=r"Expected say\(english, chinese\) with two str but got zh=None"):
        say("english", None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="Expected a language in"):
        only.render("fr")


# -- crossing the sandbox's wire ----------------------------------------------------------------------


def test_a_load_problem_crosses_as_plain_data_and_comes_back_the_same() -> None:
    for problem in (IMPORT_ERROR(path="p.py", error="SyntaxError: x"), MISSING_ENTRY(path="p.py", name="f")):
        plain = to_plain(problem, LOAD_PROBLEMS)
        assert all(type(v) is str for v in plain["params"].values()) and type(plain["name"]) is str
        back = from_plain(plain, LOAD_PROBLEMS)
        assert [back.render(lang) for lang in LANGS] == [problem.render(lang) for lang in LANGS]


@pytest.mark.parametrize(
    "sent",
    [
        {"name": "text", "params": {"en": "forged", "zh": "伪造"}},  # not a load problem
        {"name": "import_error", "params": {"path": "p.py"}},  # a value missing
        {"name": "import_error", "params": {"path": "p.py", "error": "x", "extra": "y"}},
        {"name": "import_error", "params": {"path": "p.py", "error": 3}},  # not a string
        {"name": "import_error", "params": {"path": "p.py", "error": "x" * 2001}},
        {"key": "import_error", "params": {}},
        ["import_error"],
    ],
)
def test_what_the_learners_process_sends_is_checked(sent: object) -> None:
    with pytest.raises(ValueError, match="Expected"):
        from_plain(sent, LOAD_PROBLEMS)


def test_only_known_messages_are_sent() -> None:
    with pytest.raises(ValueError, match="Expected one of the messages"):
        to_plain(say("anything {x}", "任何 {x}", x=1), LOAD_PROBLEMS)
