"""Learner-facing text in English and Chinese: one way to write it, for the engine and specs alike.

A :class:`Msg` is a text in both languages with the values of its ``{placeholders}``, rendered late in
the learner's language: checks and comparisons build messages without knowing the language, and only
feedback and reports render them. A message is defined once with :func:`say`, as a named constant beside
the code that uses it, and called with its values where it is needed::

    NOT_STARTED = say("not started: open {path}", "尚未开始：打开 {path}")
    NOT_STARTED(path="03_reshaping/patchify.py").render("zh")   # '尚未开始：打开 03_reshaping/patchify.py'

or written in one go: ``say("{n} left", "还剩 {n} 个", n=2)``.
A value that is itself a Msg is rendered in the same language; :func:`lines` shows messages one per line.

>>> say("expected shape {shape}", "形状应为 {shape}", shape=(2, 3)).render("zh")
'形状应为 (2, 3)'
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

LANGS = ("en", "zh")


@dataclass(frozen=True)
class Msg:
    """A learner-facing text in English and Chinese, with the values of its ``{placeholders}``.

    Without values the text is shown as written (so a spec may pass an f-string holding any braces); with
    values, every placeholder must have one (``{{`` and ``}}`` then stand for literal braces).

    >>> SHAPE = say("{where}: expected shape {expected}", "{where}：形状应为 {expected}")
    >>> SHAPE(where="result", expected=(2, 3)).render("en")
    'result: expected shape (2, 3)'
    """

    en: str
    zh: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __call__(self, /, **params: Any) -> Msg:
        """This message with (more) placeholder values."""
        return Msg(self.en, self.zh, {**self.params, **params})

    def text(self, lang: str) -> str:
        """The unrendered text in ``lang`` (placeholders left in)."""
        try:
            return {"en": self.en, "zh": self.zh}[lang]
        except KeyError:
            raise ValueError(f"Expected a language in {LANGS} but got lang={lang!r}") from None

    def render(self, lang: str) -> str:
        """The text in ``lang`` with its placeholders filled (values that are messages in ``lang`` too)."""
        text = self.text(lang)
        if not self.params:
            return text
        missing = placeholders(text) - self.params.keys()
        if missing:
            raise KeyError(f"the message {self.en!r} needs a value for {', '.join(sorted(missing))}")
        values = {k: v.render(lang) if isinstance(v, Msg) else v for k, v in self.params.items()}
        return text.format_map(values)

    @property
    def template(self) -> Msg:
        """The message without its values: equal to the constant it was made from.

        >>> HINT = say("hint: {text}", "提示：{text}")
        >>> HINT(text="reshape").template == HINT
        True
        """
        return Msg(self.en, self.zh)


def say(en: str, zh: str, /, **params: Any) -> Msg:
    """A message in English and Chinese; keyword arguments fill its ``{placeholders}``.

    >>> say("model left in eval mode", "模型仍处于 eval 模式").render("zh")
    '模型仍处于 eval 模式'
    >>> say("not started: open {path}", "尚未开始：打开 {path}", path="a.py").render("en")
    'not started: open a.py'
    """
    for lang, text in (("en", en), ("zh", zh)):
        if not isinstance(text, str):
            raise TypeError(
                f"Expected say(english, chinese) with two str but got {lang}={text!r}"
                f" (type={type(text).__name__})"
            )
    return Msg(en, zh, dict(params))


def lines(items: Iterable[Msg]) -> Msg:
    """Several messages shown one per line (one message is itself).

    >>> lines([say("a", "甲"), say("b", "乙")]).render("zh")
    '甲\\n乙'
    """
    items = list(items)
    if not items:
        raise ValueError("Expected at least one message for lines() but got none")
    if len(items) == 1:
        return items[0]
    names = [f"line{i}" for i in range(len(items))]
    template = "\n".join("{" + name + "}" for name in names)
    return Msg(template, template, dict(zip(names, items, strict=True)))


def placeholders(text: str) -> set[str]:
    """The names of the placeholders in a text: ``{where}`` and ``{percent:.0f}`` name where and percent.

    >>> sorted(placeholders("{where}: {count} of {total:d}"))
    ['count', 'total', 'where']
    """
    names = set()
    for _, name, _, _ in string.Formatter().parse(text):
        if name is not None:
            names.add(name.split(".", 1)[0].split("[", 1)[0])
    return names


def to_plain(message: Msg, known: Mapping[str, Msg]) -> dict[str, Any]:
    """A message as plain data (which of ``known`` it is, and its values as short strings), to cross
    from an untrusted process; :func:`from_plain` turns it back into the message.

    >>> from_plain(to_plain(say("{n} left", "还剩 {n}", n=3), {"left": say("{n} left", "还剩 {n}")}),
    ...            {"left": say("{n} left", "还剩 {n}")}).render("en")
    '3 left'
    """
    name = next((n for n, m in known.items() if m == message.template), None)
    if name is None:
        raise ValueError(f"Expected one of the messages {sorted(known)} but got {message.en!r}")
    return {"name": name, "params": {k: str(v)[:2000] for k, v in message.params.items()}}


def from_plain(data: Any, known: Mapping[str, Msg]) -> Msg:
    """The message :func:`to_plain` sent, checked: one of ``known``, a string for each placeholder and no
    other value (it may come from a process learner code ran in). ValueError when it is not."""
    if not (
        type(data) is dict
        and data.keys() == {"name", "params"}
        and type(data["name"]) is str
        and data["name"] in known
        and type(data["params"]) is dict
    ):
        raise ValueError("Expected a message as plain data, {'name': ..., 'params': {...}}")
    message, params = known[data["name"]], data["params"]
    wanted = placeholders(message.en) | placeholders(message.zh)
    if params.keys() != wanted or not all(type(v) is str and len(v) <= 2000 for v in params.values()):
        raise ValueError(f"Expected a short string for each of {sorted(wanted)} in message {data['name']!r}")
    return message(**params)
