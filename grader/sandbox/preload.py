"""Imported once by the fork server, so that each exercise's child starts with everything loaded.

torch, numpy and Hypothesis (which the specs import for their strategies), every spec module, the
parsed catalog, and torch's slow first calls (:mod:`grader.warmup`): a child then only has to load the
learner's file.
"""

import gc
import importlib

import numpy  # noqa: F401

from grader import catalog, warmup
from grader.sandbox import child  # noqa: F401

for _exercise in catalog.catalog():
    importlib.import_module(f"grader.specs.{_exercise.id}")

warmup.warm_up(comparisons=False)  # children never compare: the parent does

# Everything loaded so far lives as long as the server: keep it out of the garbage collector's scans, so
# that no child's collection walks (and, copy-on-write, copies) the whole inherited heap.
gc.collect()
gc.freeze()
