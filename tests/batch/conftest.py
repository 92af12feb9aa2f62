"""A class of generated submissions, in every layout and state a batch meets (tests/batch/test_run.py)."""

from __future__ import annotations

import io
import os
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SUBMISSIONS = ROOT / "tests" / "submissions" / "broadcast_add"
ATTACKS = ROOT / "tests" / "sandbox" / "attacks"
RELPATH = "02_broadcasting/broadcast_add.py"
RIGHT = (SUBMISSIONS / "right_expand.py").read_bytes()
STUB = (ROOT / "exercises" / RELPATH).read_bytes()
WRONG = sorted(SUBMISSIONS.glob("wrong_*.py"))


def folder(root: Path, name: str, files: dict[str, bytes]) -> None:
    for relpath, data in files.items():
        path = root / name / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def zipped(path: Path, files: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)


def make_class(root: Path) -> dict[str, str]:
    """50 entries in ``root``; returns each learner's expected batch status: ``graded:<points>``,
    ``graded:<10`` (some checks failed), ``graded`` (points not asserted) or the status of one not graded."""
    expected: dict[str, str] = {}
    for i in range(10):  # right, GitHub Classroom clones (the hw1- prefix is left off)
        folder(root, f"hw1-right{i:02}", {f"exercises/{RELPATH}": RIGHT, "README.md": b"# mine"})
        expected[f"right{i:02}"] = "graded:10"
    for i in range(2):  # right, Canvas's zip export, wrapped in a folder
        zipped(root / f"student_{100 + i}_{900 + i}_hw1.zip", {f"hw1/{RELPATH}": RIGHT})
        expected[str(100 + i)] = "graded:10"
    for i in range(4):  # half-done: the stub untouched
        folder(root, f"hw1-half{i}", {RELPATH: STUB})
        expected[f"half{i}"] = "graded:0"
    for i in range(8):  # buggy
        folder(root, f"hw1-buggy{i}", {RELPATH: WRONG[i % len(WRONG)].read_bytes()})
        expected[f"buggy{i}"] = "graded:<10"
    crashing = {
        "syntax": b"def broadcast_add(a, b)\n    return a + b\n",
        "raises": b"1 / 0\n",
        "exits": (ATTACKS / "os_exit_at_import.py").read_bytes(),
        "sigkill": (ATTACKS / "self_sigkill.py").read_bytes(),
    }
    for name, data in crashing.items():
        folder(root, f"hw1-crash-{name}", {RELPATH: data})
        expected[f"crash-{name}"] = "graded:0"
    for name in ("fake_score_lines_on_stdout", "patches_comparisons_at_import", "eq_and_bool_always_true",
                 "sabotages_other_submissions"):  # fmt: skip
        folder(root, f"hw1-hostile-{name}", {RELPATH: (ATTACKS / f"{name}.py").read_bytes()})
        expected[f"hostile-{name}"] = "graded:0"
    # a wrong solution that brings its own course, whose checks would pass anything: ignored
    folder(
        root,
        "hw1-owncourse",
        {
            RELPATH: WRONG[0].read_bytes(),
            "course.toml": b'name = "pytorch-basics"\nversion = "9.9.9"\n',
            "pyproject.toml": b'[tool.grader]\ncourse = "."\n',
        },
    )
    expected["owncourse"] = "graded:0"
    folder(
        root,
        "hw1-latin1",
        {RELPATH: "# caf\u00e9\ndef broadcast_add(a, b):\n    return a + b\n".encode("latin-1")},
    )
    expected["latin1"] = "graded"
    # corrupt archives
    (root / "junk1.zip").write_bytes(b"PK\x03\x04 not a zip" * 20)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(RELPATH, RIGHT * 50)
    (root / "junk2.zip").write_bytes(buffer.getvalue()[:200])
    (root / "junk3.tar.gz").write_bytes(b"\x1f\x8b\x08 not gzip at all")
    (root / "junk4.zip").write_bytes(b"")
    expected.update({f"junk{i}": "corrupt_archive" for i in (1, 2, 3)})
    expected["junk4"] = "corrupt_archive"
    # hostile archives
    zipped(root / "evil1.zip", {RELPATH: RIGHT, "../../../tmp/escaped.py": b"x"})
    with tarfile.open(root / "evil2.tar.gz", "w:gz") as archive:
        link = tarfile.TarInfo(RELPATH)
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        archive.addfile(link)
    zipped(root / "evil3.zip", {RELPATH: RIGHT, "bomb.bin": b"\0" * (6 << 20)})
    zipped(root / "evil4.zip", {"/".join(["d"] * 30) + "/" + RELPATH: RIGHT})
    expected.update({f"evil{i}": "unsafe_archive" for i in range(1, 5)})
    for i in range(3):
        (root / f"hw1-empty{i}").mkdir()
        expected[f"empty{i}"] = "empty"
    folder(root, "hw1-nofiles", {"README.md": b"I will do it tomorrow"})
    zipped(root / "misplaced.zip", {"broadcast_add.py": RIGHT})
    expected["nofiles"] = expected["misplaced"] = "missing_files"
    folder(root, "hw1-twice", {RELPATH: RIGHT})
    zipped(root / "twice.zip", {RELPATH: RIGHT})
    expected["twice"] = "duplicate_learner"
    (root / "notes.txt").write_text("grading notes")
    expected["notes.txt"] = "not_a_submission"
    assert len(os.listdir(root)) == 50, len(os.listdir(root))
    return expected
