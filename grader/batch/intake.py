"""A class's submissions, read from the folder an LMS exported, into plain data: never unpacked on disk.

Every entry of the folder is one submission (docs/batch.md, "Layouts"):

- a folder: GitHub Classroom's clones ``<assignment>-<login>/`` (the prefix the folders share, up to its
  last ``-``, is left off: the learner is ``<login>``), or any folder named after its learner;
- a zip or tar archive (``.zip``, ``.tar``, ``.tar.gz``, ``.tgz``, ``.tar.bz2``, ``.tar.xz``): Canvas's
  ``<name>[_late]_<user id>_<submission id>_<file>`` gives the learner ``<user id>``; Gradescope's
  ``submission_<id>`` gives ``submission_<id>``; any other archive is named after its learner.

Archives are read member by member into memory, never extracted by a library: a member whose name leaves
the submission (absolute, ``..``), a link, a device, or an archive over the caps on size, file count or
depth (a zip bomb: the bytes are counted as they are inflated, whatever the archive declares) makes the
whole submission ``unsafe_archive``. Names in any encoding are decoded (UTF-8, else GBK, else the
archive's own code page). A folder's links are never followed: they are left out, and named.

The submission's exercise tree is found wherever it lies in it (the root, ``exercises/``, a folder the
archive wraps it in): the prefix under which most of the course's exercise files are.
"""

from __future__ import annotations

import os
import re
import stat
import tarfile
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from grader.batch.statuses import Intake
from grader.i18n import Msg, say

MAX_BYTES = 20 << 20  # a submission's files, all together, once unpacked
MAX_FILE_BYTES = 5 << 20
MAX_FILES = 2000
MAX_DEPTH = 12
SKIPPED_DIRS = {".git", "__pycache__", ".venv", "venv", "node_modules", "__MACOSX"}
ARCHIVES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")
CANVAS = re.compile(r"^(?P<name>[^_]+)(?:_late)?_(?P<user>\d+)_(?P<submission>\d+)_(?P<file>.+)$", re.I)
GRADESCOPE = re.compile(r"^(?P<id>submission_\d+)$")


class Refused(Exception):
    """The submission cannot be read safely; its args are (Intake status, message)."""

    def __init__(self, status: Intake, message: Msg):
        super().__init__(status, message.en)
        self.status, self.message = status, message


@dataclass
class Submission:
    learner: str
    source: str  # the entry's name in the SUBMISSIONS folder
    status: Intake = Intake.OK
    message: str = ""
    files: dict[str, bytes] = field(default_factory=dict, repr=False)  # the exercise tree, posix paths
    notes: list[str] = field(default_factory=list)  # what was left out, and why

    @property
    def ok(self) -> bool:
        return self.status == Intake.OK


def scan(folder: Path) -> list[tuple[str, Path]]:
    """The folder's entries as (learner, path), in name order; a clear error when it is not a folder."""
    folder = Path(folder)
    if not folder.is_dir():
        raise NotADirectoryError(
            f"Expected a folder holding one submission per learner but got {str(folder)!r}"
            f" ({'a file' if folder.exists() else 'nothing there'}); pass the folder your LMS exported"
        )
    entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    return list(zip(learner_ids([p for p in entries]), entries, strict=True))


def learner_ids(entries: Sequence[Path]) -> list[str]:
    """Each entry's learner id, by the conventions in the module's docstring."""
    folders = [fix_name(os.fsencode(p.name)) for p in entries if p.is_dir() and not p.is_symlink()]
    prefix = _shared_prefix(folders)
    ids = []
    for path in entries:
        name = fix_name(os.fsencode(path.name))
        if path.is_dir() and not path.is_symlink():
            ids.append(name[len(prefix) :] or name)
            continue
        stem = _stem(name)
        canvas, gradescope = CANVAS.match(stem), GRADESCOPE.match(stem)
        ids.append(canvas["user"] if canvas else gradescope["id"] if gradescope else stem)
    return ids


def _shared_prefix(names: Sequence[str]) -> str:
    if len(names) < 2:
        return ""
    first, last = min(names), max(names)  # the prefix all share is the one these two share
    common = next(
        (i for i, (a, b) in enumerate(zip(first, last, strict=False)) if a != b), min(len(first), len(last))
    )
    return first[: first[:common].rfind("-") + 1]


def _stem(name: str) -> str:
    for suffix in sorted(ARCHIVES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def fix_name(raw: bytes) -> str:
    """A file name in any encoding, as text: UTF-8, else GBK (Chinese Windows' zips), else Latin-1."""
    for encoding in ("utf-8", "gbk"):
        try:
            return unicodedata.normalize("NFC", raw.decode(encoding))
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


# -- reading one submission ---------------------------------------------------------------------------


def read(learner: str, path: Path, tree_files: Iterable[str], lang: str = "en") -> Submission:
    """The submission at ``path``, its exercise tree found by ``tree_files`` (the course's exercise
    paths, e.g. ``02_broadcasting/broadcast_add.py``); a bad one gets its status and message."""
    submission = Submission(learner, fix_name(os.fsencode(path.name)))
    try:
        if path.is_symlink():
            raise Refused(
                Intake.UNSAFE,
                say("the entry is a link; links are never followed", "该条目是链接；链接一律不跟随"),
            )
        if path.is_dir():
            files = _read_folder(path, submission.notes)
        elif _stem(path.name) != path.name:
            files = _read_archive(path)
        else:
            raise Refused(
                Intake.NOT_A_SUBMISSION,
                say(
                    f"{path.name!r} is neither a folder nor a zip or tar archive; export one per learner",
                    f"{path.name!r} 既不是文件夹，也不是 zip 或 tar 压缩包；请为每位学生导出一个",
                ),
            )
        if not files:
            raise Refused(Intake.EMPTY, say("the submission holds no files", "提交中没有任何文件"))
        submission.files = exercise_tree(files, tuple(tree_files))
    except Refused as e:
        submission.status, submission.message = e.status, e.message.render(lang)
    return submission


def exercise_tree(files: dict[str, bytes], tree_files: Sequence[str]) -> dict[str, bytes]:
    """The files under the prefix that holds the most of ``tree_files``, re-rooted there."""
    counts: dict[str, int] = {}
    for name in files:
        for wanted in tree_files:
            if name == wanted or name.endswith("/" + wanted):
                prefix = name[: len(name) - len(wanted)]
                counts[prefix] = counts.get(prefix, 0) + 1
    if not counts:
        example = tree_files[0] if tree_files else "an exercise file"
        holds = f"{len(files)} file(s), e.g. {sorted(files)[:3]}"
        raise Refused(
            Intake.MISSING_FILES,
            say(
                f"no exercise file of the course was found (such as {example}); the submission holds {holds}",
                f"没有找到本课程的练习文件（例如 {example}）；提交中有 {holds}",
            ),
        )
    prefix = min(counts, key=lambda p: (-counts[p], len(p)))
    return {name[len(prefix) :]: data for name, data in files.items() if name.startswith(prefix)}


def safe_name(name: str) -> str:
    """A member's name as a relative posix path inside the submission, or Refused."""
    name = name.replace("\\", "/")
    path = PurePosixPath(name)
    if "\0" in name or path.is_absolute() or re.match(r"^[A-Za-z]:", name) or ".." in path.parts:
        raise Refused(
            Intake.UNSAFE,
            say(
                f"the member {name!r} would be written outside the submission",
                f"成员 {name!r} 会被写到提交之外",
            ),
        )
    parts = [p for p in path.parts if p not in ("", ".")]
    if len(parts) > MAX_DEPTH:
        raise Refused(
            Intake.UNSAFE,
            say(
                f"the member {name!r} is nested deeper than {MAX_DEPTH} folders",
                f"成员 {name!r} 的目录层级超过 {MAX_DEPTH} 层",
            ),
        )
    return "/".join(parts)


class _Budget:
    def __init__(self) -> None:
        self.bytes = 0
        self.count = 0

    def add(self, name: str, size: int) -> None:
        self.count += 1
        self.bytes += size
        if self.count > MAX_FILES:
            raise Refused(Intake.UNSAFE, say(f"more than {MAX_FILES} files", f"文件多于 {MAX_FILES} 个"))
        if size > MAX_FILE_BYTES:
            raise Refused(
                Intake.UNSAFE,
                say(
                    f"{name!r} is over {MAX_FILE_BYTES >> 20} MiB",
                    f"{name!r} 超过 {MAX_FILE_BYTES >> 20} MiB",
                ),
            )
        if self.bytes > MAX_BYTES:
            raise Refused(
                Intake.UNSAFE,
                say(
                    f"more than {MAX_BYTES >> 20} MiB of files once unpacked",
                    f"解压后文件总量超过 {MAX_BYTES >> 20} MiB",
                ),
            )


def _read_capped(stream, name: str, budget: _Budget) -> bytes:
    """Read at most the caps allow, whatever size the archive declared (a zip bomb lies)."""
    data = stream.read(MAX_FILE_BYTES + 1)
    budget.add(name, len(data))
    return data


def _read_archive(path: Path) -> dict[str, bytes]:
    try:
        if path.name.lower().endswith(".zip"):
            return _read_zip(path)
        return _read_tar(path)
    except Refused:
        raise
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError, ValueError, NotImplementedError) as e:
        raise Refused(Intake.CORRUPT, _unreadable(e)) from None
    except Exception as e:  # zlib, lzma, bz2 errors: still a corrupt archive, never a crash of the batch
        raise Refused(Intake.CORRUPT, _unreadable(e)) from None


def _unreadable(error: BaseException) -> Msg:
    reason = f"{type(error).__name__}: " + (str(error).splitlines() or [""])[0].rstrip(":")
    return say(
        f"the archive cannot be read ({reason}); export it again", f"压缩包无法读取（{reason}）；请重新导出"
    )


def _read_zip(path: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    budget = _Budget()
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            raw = info.filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437")
            name = safe_name(fix_name(raw))
            kind = stat.S_IFMT(info.external_attr >> 16)  # 0: a zip that records no Unix file type
            if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
                raise Refused(
                    Intake.UNSAFE,
                    say(
                        f"the member {name!r} is a link or a device, not a file",
                        f"成员 {name!r} 是链接或设备，不是普通文件",
                    ),
                )
            if info.is_dir() or not name:
                continue
            if name in files:
                raise Refused(
                    Intake.UNSAFE,
                    say(
                        f"the member {name!r} is in the archive twice", f"成员 {name!r} 在压缩包中出现了两次"
                    ),
                )
            if info.file_size > MAX_FILE_BYTES:
                raise Refused(
                    Intake.UNSAFE,
                    say(
                        f"{name!r} is over {MAX_FILE_BYTES >> 20} MiB",
                        f"{name!r} 超过 {MAX_FILE_BYTES >> 20} MiB",
                    ),
                )
            with archive.open(info) as stream:
                files[name] = _read_capped(stream, name, budget)
    return _without_skipped(files)


def _read_tar(path: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    budget = _Budget()
    with tarfile.open(path, encoding="utf-8", errors="surrogateescape") as archive:
        for member in archive:
            name = safe_name(fix_name(member.name.encode("utf-8", "surrogateescape")))
            if member.isdir():
                continue
            if not member.isfile():
                raise Refused(
                    Intake.UNSAFE,
                    say(
                        f"the member {name!r} is a link or a device, not a file",
                        f"成员 {name!r} 是链接或设备，不是普通文件",
                    ),
                )
            if not name or name in files:
                raise Refused(
                    Intake.UNSAFE,
                    say(
                        f"the member {name!r} is in the archive twice", f"成员 {name!r} 在压缩包中出现了两次"
                    ),
                )
            stream = archive.extractfile(member)
            files[name] = _read_capped(stream, name, budget) if stream else b""
    return _without_skipped(files)


def _without_skipped(files: dict[str, bytes]) -> dict[str, bytes]:
    return {n: d for n, d in files.items() if not SKIPPED_DIRS.intersection(n.split("/")[:-1])}


def _read_folder(root: Path, notes: list[str]) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    budget = _Budget()
    for folder, dirs, names in os.walk(root, followlinks=False):
        here = Path(folder)
        relative = here.relative_to(root)
        if len(relative.parts) >= MAX_DEPTH:
            raise Refused(
                Intake.UNSAFE,
                say(
                    f"{relative.as_posix()!r} is nested deeper than {MAX_DEPTH} folders",
                    f"{relative.as_posix()!r} 的目录层级超过 {MAX_DEPTH} 层",
                ),
            )
        for name in list(dirs):
            if name in SKIPPED_DIRS or (here / name).is_symlink():
                if (here / name).is_symlink():
                    notes.append(f"link left out: {(relative / name).as_posix()}")
                dirs.remove(name)
        for name in names:
            path = here / name
            shown = "/".join(fix_name(os.fsencode(p)) for p in (relative / name).parts)
            info = path.lstat()
            if not stat.S_ISREG(info.st_mode):
                notes.append(
                    f"link left out: {shown}" if stat.S_ISLNK(info.st_mode) else f"not a file: {shown}"
                )
                continue
            budget.add(shown, info.st_size)
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
            with os.fdopen(fd, "rb") as stream:
                files[shown] = stream.read(MAX_FILE_BYTES + 1)
    return files
