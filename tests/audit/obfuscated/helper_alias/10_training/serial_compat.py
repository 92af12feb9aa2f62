"""Serialisation helpers."""

from pickle import dumps as freeze  # noqa: F401
from pickle import loads as thaw  # noqa: F401
