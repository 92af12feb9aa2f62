"""A stub's docstring is written from the catalog: the statement lives once, in the catalog entry.

``grader new`` and ``grader release`` write it, ``grader check`` flags a stub whose docstring disagrees
(``grader check --sync-stubs`` rewrites them). Everything after the docstring (imports, the signature, the
``raise NotImplementedError``) is the author's and stays as it is.

>>> from grader.catalog import Exercise, Text
>>> e = Exercise("double_it", "01_demo", ("double_it",), 10, Text("Double it", "翻倍"),
...              Text("Return twice x.", "返回 x 的两倍。"), (Text("h", "提示"),), "000 §2.4")
>>> print(docstring(e))
Exercise double_it — Double it.
Tutorial: "PyTorch basics: from NumPy to deep learning", §2.4
教程：《PyTorch 入门教程：从 NumPy 到深度学习》§2.4
<BLANKLINE>
Return twice x.
<BLANKLINE>
返回 x 的两倍。
<BLANKLINE>
Check your work: pytest exercises/ -k double_it
<BLANKLINE>
"""

from __future__ import annotations

import ast

from grader import course
from grader.catalog import Exercise


def docstring(exercise: Exercise) -> str:
    """The stub's docstring, as its value: title and the tutorial section it draws on (by the tutorial's
    title, in both languages), the statement in English then Chinese, what is not allowed (when the entry
    says), and how to check one's work."""
    tutorial = course.of(exercise).cite(exercise.seed)
    parts = [
        f"Exercise {exercise.id} — {exercise.title.en}.\nTutorial: {tutorial.en}\n教程：{tutorial.zh}",
        exercise.statement.en,
        exercise.statement.zh,
    ]
    check = f"Check your work: pytest exercises/ -k {exercise.id}"
    if exercise.not_allowed is not None:
        check = f"Not allowed: {exercise.not_allowed.en}\n不允许使用：{exercise.not_allowed.zh}\n{check}"
    return "\n\n".join([*parts, check]) + "\n"


def literal(exercise: Exercise) -> str:
    """The docstring as Python source: triple quotes, raw when the text holds a backslash."""
    text = docstring(exercise)
    if '"""' in text:
        raise ValueError(f'the catalog entry of {exercise.id} holds """, which a docstring cannot; remove it')
    return ('r"""' if "\\" in text else '"""') + text + '"""'


def current(source: str) -> str | None:
    """The module docstring of a stub's source (None when it has none or does not parse)."""
    try:
        return ast.get_docstring(ast.parse(source), clean=False)
    except (SyntaxError, ValueError):
        return None


def body(source: str) -> str:
    """A stub's source after its module docstring (all of it when it has none or does not parse)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return source
    first = tree.body[0] if tree.body else None
    if (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    ):
        return "".join(source.splitlines(keepends=True)[first.end_lineno :])
    return source


def agrees(source: str, exercise: Exercise) -> bool:
    """Whether the stub's docstring is the one the catalog entry gives (trailing blanks aside)."""
    found = current(source)
    return found is not None and found.rstrip() == docstring(exercise).rstrip()


def with_docstring(source: str, exercise: Exercise) -> str:
    """``source`` with its module docstring written from the catalog (added at the top when missing)."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    first = tree.body[0] if tree.body else None
    if (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    ):
        before, after = lines[: first.lineno - 1], lines[first.end_lineno :]
        return "".join(before) + literal(exercise) + "\n" + "".join(after)
    return literal(exercise) + "\n\n" + source
