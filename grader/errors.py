"""The error for a grading run that cannot happen at all. Light (no torch): the command line catches it."""


class ScoreError(Exception):
    """Grading could not run at all (bad directory, unknown exercise, bad setting, broken grader).

    The message says what was expected, what was found and what to do; the CLI exits with status 2.
    """
