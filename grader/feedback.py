"""What a learner reads about a check, in their language.

Order (design.md): which exercise and check; expected vs got; the smallest failing input as Python to
paste; where in their own code it broke; a hint and the tutorial section to reread, by the tutorial's
title. Never a grader traceback.
"""

from __future__ import annotations

import textwrap

from grader import course
from grader.catalog import Exercise
from grader.i18n import say
from grader.results import CheckResult, ExerciseResult, Status

INDENT = "    "
SMALLEST_INPUT = say("smallest failing input:", "最小的失败输入：")
YOUR_TRACEBACK = say("where in your code:", "出错位置（你的代码）：")
HINT = say("hint: {hint}", "提示：{hint}")
REREAD = say("reread {citation}", "请重读{citation}")


def check_feedback(exercise: Exercise, result: CheckResult, lang: str) -> str:
    """The full message for a check that did not pass."""
    title = f"{exercise.id} ({exercise.title[lang]}) › {result.check}"
    failure = result.failure
    if failure is None:
        return title
    parts = [title, textwrap.indent(failure.problem.render(lang), INDENT)]
    if failure.case_source:
        parts.append(f"{INDENT}{SMALLEST_INPUT.render(lang)}")
        parts.append(textwrap.indent(failure.case_source, INDENT * 2))
    if failure.learner_where:
        parts.append(f"{INDENT}{YOUR_TRACEBACK.render(lang)}")
        parts.append(textwrap.indent(failure.learner_where, INDENT))
    if result.status != Status.SKIPPED:
        parts.append(hint_line(exercise, lang))
    return "\n".join(parts)


def hint_line(exercise: Exercise, lang: str) -> str:
    """Each hint on its own line, then the tutorial section to reread."""
    more = INDENT * 2  # not the label's width: a Chinese label is twice as wide as its length
    hints = [INDENT + HINT(hint=exercise.hints[0][lang]).render(lang)]
    hints += [more + h[lang] for h in exercise.hints[1:]]
    reread = REREAD(citation=course.of(exercise).cite(exercise.seed)[lang]).render(lang)
    return "\n".join([*hints, f"{more}({reread})"])


def without_hints(feedback: str, lang: str) -> str:
    """A check's feedback (:func:`check_feedback`) up to its hints, for a loop that reveals those one at a
    time on request.

    >>> without_hints("x (X) › c\\n    wrong\\n    hint: try y", "en")
    'x (X) › c\\n    wrong'
    """
    start = feedback.find("\n" + INDENT + HINT(hint="").render(lang))
    return feedback if start < 0 else feedback[:start]


def exercise_problem(result: ExerciseResult, lang: str) -> str:
    """One line for an exercise that could not be graded as a whole (not started, does not load)."""
    assert result.problem is not None
    return f"{result.exercise.id}: {result.problem.render(lang)}"
