"""More data."""

from grader.datasets import digits_held_out as extra_digits  # noqa: F401
