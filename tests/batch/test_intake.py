"""grader.batch.intake: LMS layouts to learner ids, and archives read safely (hostile ones refused)."""

from __future__ import annotations

import io
import os
import tarfile
import zipfile
from pathlib import Path

import pytest

from grader.batch import intake
from grader.batch.statuses import Intake

TREE = ["02_broadcasting/broadcast_add.py", "01_tensors/tensor_facts.py"]
CODE = b"def broadcast_add(a, b):\n    return a + b\n"


def make_zip(path: Path, members: dict[str, bytes], utf8: bool = True) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def make_tar(path: Path, add) -> Path:
    with tarfile.open(
        path, "w:gz" if path.name.endswith("gz") else "w", format=tarfile.GNU_FORMAT
    ) as archive:
        add(archive)
    return path


def tar_file(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))


def read(path: Path) -> intake.Submission:
    return intake.read("someone", path, TREE)


# -- layouts -----------------------------------------------------------------------------------------


def test_classroom_folders_lose_their_shared_assignment_prefix(tmp_path):
    for name in ("hw1-alice", "hw1-bob-smith", "hw1-carol"):
        (tmp_path / name).mkdir()
    assert [lid for lid, _ in intake.scan(tmp_path)] == ["alice", "bob-smith", "carol"]


def test_canvas_and_gradescope_archives_name_their_learner(tmp_path):
    for name in ("smithjohn_12345_67890_hw1.zip", "doejane_late_222_333_hw.tar.gz", "submission_4711.zip"):
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "lee.tgz").write_bytes(b"")
    ids = dict((p.name, lid) for lid, p in intake.scan(tmp_path))
    assert ids == {
        "doejane_late_222_333_hw.tar.gz": "222",
        "lee.tgz": "lee",
        "smithjohn_12345_67890_hw1.zip": "12345",
        "submission_4711.zip": "submission_4711",
    }


def test_scan_of_a_missing_folder_says_what_to_pass(tmp_path):
    with pytest.raises(NotADirectoryError, match="one submission per learner"):
        intake.scan(tmp_path / "nope")


def test_the_exercise_tree_is_found_wherever_the_archive_puts_it(tmp_path):
    members = {
        "wrapper/exercises/" + TREE[0]: CODE,
        "wrapper/README.md": b"hi",
        "wrapper/exercises/x.py": b"",
    }
    submission = read(make_zip(tmp_path / "a.zip", members))
    assert submission.ok, submission.message
    assert submission.files == {TREE[0]: CODE, "x.py": b""}


def test_a_folder_submission_is_read_without_its_git_folder(tmp_path):
    root = tmp_path / "alice"
    (root / "02_broadcasting").mkdir(parents=True)
    (root / TREE[0]).write_bytes(CODE)
    (root / ".git").mkdir()
    (root / ".git" / "02_broadcasting").mkdir()
    (root / ".git" / TREE[0]).write_bytes(b"old")
    submission = read(root)
    assert submission.ok and submission.files == {TREE[0]: CODE}


# -- bad input: a named status, a message ------------------------------------------------------------


def test_an_empty_folder_is_empty(tmp_path):
    (tmp_path / "bob").mkdir()
    assert read(tmp_path / "bob").status == Intake.EMPTY


def test_a_submission_without_exercise_files_says_what_it_holds(tmp_path):
    submission = read(make_zip(tmp_path / "a.zip", {"notes.txt": b"todo"}))
    assert submission.status == Intake.MISSING_FILES
    assert "02_broadcasting/broadcast_add.py" in submission.message and "notes.txt" in submission.message


@pytest.mark.parametrize("name", ["junk.zip", "junk.tar.gz", "junk.tar"])
def test_a_corrupt_archive_is_named_so(tmp_path, name):
    (tmp_path / name).write_bytes(b"PK\x03\x04 this is not really an archive" * 10)
    submission = read(tmp_path / name)
    assert submission.status == Intake.CORRUPT and "cannot be read" in submission.message


def test_a_truncated_zip_is_corrupt(tmp_path):
    whole = make_zip(tmp_path / "whole.zip", {TREE[0]: CODE * 100}).read_bytes()
    (tmp_path / "cut.zip").write_bytes(whole[: len(whole) // 2])
    assert read(tmp_path / "cut.zip").status == Intake.CORRUPT


def test_a_loose_file_is_not_a_submission(tmp_path):
    (tmp_path / "broadcast_add.py").write_bytes(CODE)
    assert read(tmp_path / "broadcast_add.py").status == Intake.NOT_A_SUBMISSION


# -- hostile archives --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["../../evil.py", "/etc/evil.py", "a/../../evil.py", "C:/evil.py", "..\\evil.py"]
)
def test_zip_members_that_leave_the_submission_are_refused(tmp_path, name):
    submission = read(make_zip(tmp_path / "a.zip", {TREE[0]: CODE, name: b"x"}))
    assert submission.status == Intake.UNSAFE and "outside the submission" in submission.message


def test_tar_traversal_is_refused(tmp_path):
    path = make_tar(tmp_path / "a.tar.gz", lambda t: tar_file(t, "../../../tmp/evil.py", b"x"))
    assert read(path).status == Intake.UNSAFE


@pytest.mark.parametrize("kind", [tarfile.SYMTYPE, tarfile.LNKTYPE, tarfile.CHRTYPE, tarfile.FIFOTYPE])
def test_tar_links_and_devices_are_refused(tmp_path, kind):
    def add(archive):
        info = tarfile.TarInfo(TREE[0])
        info.type, info.linkname = kind, "/etc/passwd"
        archive.addfile(info)

    submission = read(make_tar(tmp_path / "a.tar.gz", add))
    assert submission.status == Intake.UNSAFE and "link or a device" in submission.message


def test_a_zip_symlink_member_is_refused(tmp_path):
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as archive:
        info = zipfile.ZipInfo(TREE[0])
        info.external_attr = (0o120777) << 16  # a symlink, as Info-ZIP stores one
        archive.writestr(info, "/etc/passwd")
    assert read(path).status == Intake.UNSAFE


def test_a_zip_bomb_is_stopped_by_the_bytes_inflated_not_the_size_declared(tmp_path, monkeypatch):
    monkeypatch.setattr(intake, "MAX_FILE_BYTES", 1 << 20)
    path = make_zip(tmp_path / "bomb.zip", {TREE[0]: b"\0" * (4 << 20)})
    assert path.stat().st_size < 100_000
    # the header lies about the size: the cap still holds, counted while inflating
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.infolist()[0]
    declared = (4 << 20).to_bytes(4, "little")
    for at in [i for i in range(len(data) - 4) if data[i : i + 4] == declared]:
        data[at : at + 4] = (10).to_bytes(4, "little")
    (tmp_path / "liar.zip").write_bytes(bytes(data))
    assert info.file_size == 4 << 20
    for name in ("bomb.zip", "liar.zip"):
        submission = read(tmp_path / name)
        assert submission.status in (Intake.UNSAFE, Intake.CORRUPT), name
        assert not submission.files


def test_caps_on_total_size_count_and_depth(tmp_path, monkeypatch):
    monkeypatch.setattr(intake, "MAX_FILES", 10)
    many = {f"f{i}.py": b"" for i in range(11)}
    assert read(make_zip(tmp_path / "many.zip", many)).status == Intake.UNSAFE
    monkeypatch.setattr(intake, "MAX_BYTES", 1000)
    big = {f"f{i}.py": b"x" * 400 for i in range(3)}
    assert "MiB of files" in read(make_zip(tmp_path / "big.zip", big)).message
    deep = {"/".join(["d"] * 20) + "/x.py": b""}
    assert "deeper" in read(make_zip(tmp_path / "deep.zip", deep)).message


def test_a_folder_submission_never_follows_its_links(tmp_path):
    secret = tmp_path / "secret.py"
    secret.write_bytes(b"SECRET = 1")
    root = tmp_path / "alice"
    (root / "02_broadcasting").mkdir(parents=True)
    (root / TREE[0]).write_bytes(CODE)
    (root / "01_tensors").mkdir()
    os.symlink(secret, root / TREE[1])
    os.symlink(tmp_path, root / "up")
    submission = read(root)
    assert submission.ok
    assert submission.files == {TREE[0]: CODE}
    assert any("01_tensors/tensor_facts.py" in note for note in submission.notes)


# -- names in any encoding ---------------------------------------------------------------------------


def test_a_zip_from_a_chinese_windows_keeps_its_names(tmp_path):
    # Windows' own zip writes GBK names without the UTF-8 flag; Python reads them as code page 437
    path = make_zip(tmp_path / "a.zip", {"ZZZZ/" + TREE[0]: CODE})
    path.write_bytes(path.read_bytes().replace(b"ZZZZ", "作业".encode("gbk")))
    with zipfile.ZipFile(path) as archive:
        assert not archive.infolist()[0].flag_bits & 0x800
    submission = read(path)
    assert submission.ok and submission.files == {TREE[0]: CODE}


def test_tar_names_that_are_not_utf8_are_decoded(tmp_path):
    name = "作业/".encode("gbk").decode("utf-8", "surrogateescape") + TREE[0]
    path = make_tar(tmp_path / "a.tar", lambda t: tar_file(t, name, CODE))
    with tarfile.open(path, encoding="utf-8", errors="surrogateescape") as archive:
        assert archive.getnames()[0].encode("utf-8", "surrogateescape").startswith("作业".encode("gbk"))
    assert read(path).files == {TREE[0]: CODE}


def test_names_are_utf8_else_gbk_else_latin1():
    assert intake.fix_name("naïve".encode()) == "naïve"
    assert intake.fix_name("作业".encode("gbk")) == "作业"
    assert intake.fix_name(b"\xff\xfe") == "ÿþ"
