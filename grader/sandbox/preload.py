"""Imported once by the fork server, so that each exercise's child starts with everything loaded.

torch, numpy and Hypothesis (which the specs import for their strategies), the parsed catalog of the
course being graded (the parent names it in ``$GRADER_COURSE``: see :mod:`grader.sandbox.server`), and
torch's slow first calls (:mod:`grader.warmup`). No spec module: each child imports its own exercise's
spec only (:func:`grader.sandbox.child.main`), so an instructor's hidden checks for one exercise are
never in the memory of a child that grades another. Then, with everything imported, what a child may
see of the file system is planned (:func:`grader.sandbox.filesystem.plan`), the seccomp filter compiled,
and the server made non-dumpable: its /proc files (environment, memory) then belong to root, out of
reach of a process of the same user.
"""

import gc
import os
from pathlib import Path

import numpy  # noqa: F401

from grader import course, warmup
from grader.loader import REPO_ROOT
from grader.sandbox import child, filesystem, kernel, seccomp

_course = course.active()
_course.exercises  # noqa: B018 - parsed here: a child, in its new root, may not read the catalog's files

warmup.warm_up(comparisons=False)  # children never compare: the parent does


def _hidden() -> list[Path]:
    """What learner code may not read even inside a visible folder: the course's references and sample
    submissions (an installed course sits among the visible packages), and a checkout's tests and CI
    settings."""
    paths = [_course.reference_dir, _course.submissions_dir, REPO_ROOT / "tests", REPO_ROOT / ".ci"]
    return [p.resolve() for p in paths if p.exists()]


child.VIEW = filesystem.plan(_hidden())
child.SERVER = os.getpid()
seccomp.prepare()
kernel.set_dumpable(False)

# Everything loaded so far lives as long as the server: keep it out of the garbage collector's scans, so
# that no child's collection walks (and, copy-on-write, copies) the whole inherited heap.
gc.collect()
gc.freeze()
