"""What a learner reads about a check, in their language.

Order (design.md): which exercise and check; expected vs got; the smallest failing input as Python to
paste; where in their own code it broke; a hint and the seed section to reread. Never a grader traceback.
"""

from __future__ import annotations

import textwrap

from grader.catalog import Exercise
from grader.i18n import msg
from grader.runner import CheckResult, ExerciseResult

INDENT = "    "


def check_feedback(exercise: Exercise, result: CheckResult, lang: str) -> str:
    """The full message for a check that did not pass."""
    title = f"{exercise.id} ({exercise.title[lang]}) › {result.check}"
    failure = result.failure
    if failure is None:
        return title
    parts = [title, textwrap.indent(failure.problem.render(lang), INDENT)]
    if failure.case_source:
        parts.append(f"{INDENT}{msg('smallest_input').render(lang)}")
        parts.append(textwrap.indent(failure.case_source, INDENT * 2))
    if failure.learner_where:
        parts.append(f"{INDENT}{msg('your_traceback').render(lang)}")
        parts.append(textwrap.indent(failure.learner_where, INDENT))
    if result.status != "skipped":
        parts.append(hint_line(exercise, lang))
    return "\n".join(parts)


def hint_line(exercise: Exercise, lang: str) -> str:
    """Each hint on its own line, then the seed section to reread."""
    more = INDENT * 2  # not the label's width: a Chinese label is twice as wide as its length
    hints = [INDENT + msg("hint").render(lang) + exercise.hints[0][lang]]
    hints += [more + h[lang] for h in exercise.hints[1:]]
    reread = msg("reread", seed=exercise.seed).render(lang)
    return "\n".join([*hints, f"{more}({reread})"])


def exercise_problem(result: ExerciseResult, lang: str) -> str:
    """One line for an exercise that could not be graded as a whole (not started, does not load)."""
    assert result.problem is not None
    return f"{result.exercise.id}: {result.problem.render(lang)}"


def progress_line(results: list[ExerciseResult], lang: str) -> str:
    results = [r for r in results if r.status != "skipped"]  # nothing could run here: out of the count
    done = sum(r.status == "passed" for r in results)
    points = sum(r.score for r in results)
    max_points = sum(r.max_score for r in results)
    return msg(
        "progress", done=done, total=len(results), points=f"{points:g}", max_points=f"{max_points:g}"
    ).render(lang)
