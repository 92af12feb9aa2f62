"""How a submission ended in a batch, beside the per-exercise statuses of :mod:`grader.results`.

``graded``: its exercises were graded (their own statuses say how each went). Every other status means it
was not graded, and its message says why and what to do; the batch goes on with the next learner.
"""

from __future__ import annotations

import enum

from grader.i18n import Msg, say


class Intake(enum.StrEnum):
    OK = "graded"
    EMPTY = "empty"  # an empty folder or archive
    CORRUPT = "corrupt_archive"  # not a readable zip or tar
    UNSAFE = "unsafe_archive"  # traversal, a link or device, over the caps (a zip bomb), too deep
    MISSING_FILES = "missing_files"  # no exercise file of the course in it
    NOT_A_SUBMISSION = "not_a_submission"  # a loose file that is neither a folder nor an archive
    DUPLICATE = "duplicate_learner"  # two entries claim the same learner: neither is graded
    GRADING_ERROR = "grading_error"  # the grader could not grade it (its message says why)

    @property
    def label(self) -> Msg:
        return LABELS[self]


LABELS: dict[Intake, Msg] = {
    Intake.OK: say("graded", "已评分"),
    Intake.EMPTY: say("empty submission", "提交为空"),
    Intake.CORRUPT: say("corrupt archive", "压缩包损坏"),
    Intake.UNSAFE: say("unsafe archive", "压缩包不安全"),
    Intake.MISSING_FILES: say("exercise files missing", "缺少练习文件"),
    Intake.NOT_A_SUBMISSION: say("not a submission", "不是提交"),
    Intake.DUPLICATE: say("learner submitted twice", "同一学生提交了两次"),
    Intake.GRADING_ERROR: say("could not be graded", "无法评分"),
}
