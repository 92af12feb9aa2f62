"""Grading profiles: how many Hypothesis examples each check gets.

Light on purpose (no torch): the command line's parser reads it before anything heavy is imported.
"""

LOCAL_EXAMPLES = 30  # a learner's machine: quick feedback
PROFILES: dict[str, int] = {"local": LOCAL_EXAMPLES, "ci": 100}  # examples per check
