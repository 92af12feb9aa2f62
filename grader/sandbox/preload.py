"""Imported once by the fork server, so that each exercise's child starts with everything loaded.

torch, numpy and Hypothesis (which the specs import for their strategies), every spec module, the
parsed catalog, and torch's slow first calls (:mod:`grader.warmup`): a child then only has to load the
learner's file. Then, with everything imported, what a child may see of the file system is planned
(:func:`grader.sandbox.filesystem.plan`), the seccomp filter compiled, and the server made non-dumpable:
its /proc files (environment, memory) then belong to root, out of reach of a process of the same user.
"""

import gc
import importlib
from pathlib import Path

import numpy  # noqa: F401

from grader import catalog, warmup
from grader.loader import REPO_ROOT, reference_root
from grader.sandbox import child, filesystem, kernel, seccomp

for _exercise in catalog.catalog():
    importlib.import_module(f"grader.specs.{_exercise.id}")

warmup.warm_up(comparisons=False)  # children never compare: the parent does


def _hidden() -> list[Path]:
    """What learner code may not read even inside a visible folder: the references (installed, they sit
    inside the grader's package), and a checkout's tests and CI settings."""
    paths = [reference_root(), Path(child.__file__).resolve().parent.parent / "_reference"]
    paths += [REPO_ROOT / "tests", REPO_ROOT / ".ci"]
    return [p.resolve() for p in paths if p.exists()]


child.VIEW = filesystem.plan(_hidden())
seccomp.prepare()
kernel.set_dumpable(False)

# Everything loaded so far lives as long as the server: keep it out of the garbage collector's scans, so
# that no child's collection walks (and, copy-on-write, copies) the whole inherited heap.
gc.collect()
gc.freeze()
