"""Every text of the learner's loop exists in English and Chinese, with the same placeholders."""

import string

import pytest

from grader.learner import texts

MESSAGES = texts.ALL


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("message", MESSAGES, ids=lambda m: m.render("en")[:40])
def test_both_languages_say_it_with_the_same_placeholders(message) -> None:
    en, zh = message.render("en"), message.render("zh")
    assert en.strip() and zh.strip()
    assert placeholders(en) == placeholders(zh)
    values = dict.fromkeys(placeholders(en), 1)
    for lang in ("en", "zh"):
        rendered = texts.render(message, lang, **values)
        assert "{" not in rendered and "}" not in rendered


def test_the_chinese_is_chinese() -> None:
    assert (
        sum(any("\u4e00" <= ch <= "\u9fff" for ch in m.render("zh")) for m in MESSAGES) >= len(MESSAGES) - 2
    )
