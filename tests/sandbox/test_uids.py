"""grader.sandbox.uids: a dedicated uid is never handed to two children at once, whichever grader asks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from grader.sandbox import uids

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="dedicated uids are root's")

FIRST = 0x7E000000


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "locks"
    folder.mkdir(mode=0o700)
    return folder


def test_two_graders_at_once_never_share_a_uid(tmp_path: Path) -> None:
    """Two processes claim 40 uids each from a range of 100, with the same hints (each numbers its
    children from 0), and hold them: the sets are disjoint."""
    folder = _folder(tmp_path)
    script = (
        "import sys\nfrom pathlib import Path\nfrom grader.sandbox import uids\n"
        f"held = [uids.claim({FIRST}, 100, n, Path({str(folder)!r})) for n in range(40)]\n"
        "print(' '.join(str(c.uid) for c in held), flush=True)\n"
        "sys.stdin.read()\n"  # hold the claims until the test is done
    )
    graders = [
        subprocess.Popen(
            [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    try:
        claimed = [set(map(int, g.stdout.readline().split())) for g in graders]
    finally:
        for g in graders:
            g.communicate("", timeout=30)
    assert [len(c) for c in claimed] == [40, 40]
    assert not claimed[0] & claimed[1]
    assert all(FIRST <= uid < FIRST + 100 for uid in claimed[0] | claimed[1])


def test_a_released_or_dead_claim_frees_its_uid(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    first = uids.claim(FIRST, 4, 0, folder)
    assert uids.claim(FIRST, 4, 0, folder).uid != first.uid
    first.release()
    assert uids.claim(FIRST, 4, 0, folder).uid == first.uid
    script = (
        "import os\nfrom pathlib import Path\nfrom grader.sandbox import uids\n"
        f"uids.claim({FIRST + 8}, 1, 0, Path({str(folder)!r}))\nos._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)  # a grader that died holding it
    assert uids.claim(FIRST + 8, 1, 0, folder).uid == FIRST + 8


def test_every_uid_taken_is_a_clear_error(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    held = [uids.claim(FIRST, 2, n, folder) for n in range(2)]
    with pytest.raises(uids.UidError, match="in use"):
        uids.claim(FIRST, 2, 0, folder)
    assert len(held) == 2


def test_a_lock_folder_others_could_write_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "open"
    folder.mkdir()
    folder.chmod(0o777)
    with pytest.raises(uids.UidError, match="no one else can write"):
        uids.claim(FIRST, 2, 0, folder)


GRADER = """
import sys
from grader import course
from grader.loader import reference_root
from grader.sandbox import Sandbox
with Sandbox() as sandbox:
    ids = ("broadcast_add", "matmul", "make_grid")
    learners = [sandbox.load(course.active().get(e), reference_root()) for e in ids]
    print(" ".join(str(c["uid"]) for c in sandbox.confined), flush=True)
    sys.stdin.read()  # every child alive until the test has both graders' uids
    for learner in learners:
        learner.close()
"""


def test_two_sandboxed_graders_at_once_run_their_children_as_different_uids() -> None:
    """Two graders at once, three children each, all alive together: six different uids, as each child
    read its uid back from the kernel (before, both graders numbered theirs from the same first uid)."""
    graders = [
        subprocess.Popen(
            [sys.executable, "-c", GRADER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    try:
        claimed = [g.stdout.readline().split() for g in graders]
    finally:
        for g in graders:
            g.communicate("", timeout=120)
    uids_seen = [int(uid) for found in claimed for uid in found]
    assert len(uids_seen) == 6 and len(set(uids_seen)) == 6
