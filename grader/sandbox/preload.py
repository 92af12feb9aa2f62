"""Imported once by the fork server, so that each exercise's child starts with everything loaded.

torch, numpy and Hypothesis (which the specs import for their strategies), every spec module, the
parsed catalog, and torch's slow first calls (:mod:`grader.warmup`): a child then only has to load the
learner's file.
"""

import importlib

import numpy  # noqa: F401

from grader import catalog, warmup
from grader.sandbox import child  # noqa: F401

for _exercise in catalog.catalog():
    importlib.import_module(f"grader.specs.{_exercise.id}")

warmup.warm_up()
