"""Array helpers."""

from numpy import array as as_array  # noqa: F401
