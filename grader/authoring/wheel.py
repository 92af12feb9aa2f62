"""Build a course into a wheel, so that a learners' repository installs it, pinned, next to the engine.

A wheel is a zip file with the package and a ``*.dist-info`` folder (``METADATA``, ``WHEEL``,
``entry_points.txt``, ``RECORD``): written here with :mod:`zipfile`, with no build tool and no network, and
deterministically (sorted entries, fixed timestamps and permissions: the same course gives the same bytes).
The package holds the course as a folder does (``course.toml``, ``catalog/``, ``specs/``, ``reference/``,
``exercises/``; never ``submissions/``) and registers it in the entry point group ``grader.courses``, as
the engine registers its own course. In the learners' package, ``reference/`` holds only the references
the catalog marks ``reference_shown``, and ``expected/`` the others' recorded results (grader.recorded).

>>> distribution("intro-to-tensors"), package("intro-to-tensors")
('grader-course-intro-to-tensors', 'grader_course_intro_to_tensors')
"""

from __future__ import annotations

import base64
import hashlib
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from grader import __version__, recorded
from grader.authoring import stubs
from grader.course import ENTRY_POINTS, Course
from grader.runner import HIDDEN_SPECS

DATE = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say: no build time in the bytes
MODE = 0o644 << 16


class WheelError(ValueError):
    """The course cannot be built into a wheel; the message says what to fix."""


def distribution(name: str) -> str:
    """The distribution name of a course: ``grader-course-<name>``."""
    return f"grader-course-{name}"


def package(name: str) -> str:
    """The importable package a course is installed as."""
    return "grader_course_" + name.replace("-", "_")


def filename(course: Course) -> str:
    """``grader_course_<name>-<version>-py3-none-any.whl``."""
    return f"{package(course.name)}-{_version(course)}-py3-none-any.whl"


def _version(course: Course) -> str:
    from packaging.version import InvalidVersion, Version

    try:
        return str(Version(course.version))
    except InvalidVersion:
        raise WheelError(
            f"course.toml: version {course.version!r} is not a version pip understands; write e.g. '0.1.0'"
        ) from None


def files(course: Course, recordings: Mapping[str, str] | None = None) -> Iterator[tuple[str, bytes]]:
    """(path inside the wheel, content) of every file of the course's package, in a fixed order.

    ``recordings`` (exercise id -> ``expected/<id>.json`` text) makes it the learners' package: only the
    references the catalog marks ``reference_shown``, and the others' recorded results instead. Without
    it, the instructor's package: every reference (what CI grades with)."""
    top = package(course.name)
    learners = recordings is not None
    withheld = {e.relpath.as_posix() for e in course.exercises if learners and not e.reference_shown}
    yield (
        f"{top}/__init__.py",
        f'"""The course {course.name} ({course.title.en}) for torch-grader."""\n'.encode(),
    )
    yield f"{top}/course.toml", (course.root / "course.toml").read_bytes()
    for path in sorted(course.catalog_dir.glob("*.toml")):
        yield f"{top}/catalog/{path.name}", path.read_bytes()
    for path in sorted(course.specs_dir.glob("**/*.py")):
        relative = path.relative_to(course.specs_dir)
        hidden = relative.parts[0] == HIDDEN_SPECS  # CI-only checks: the instructor's package only
        if "__pycache__" not in path.parts and not (learners and hidden):
            yield f"{top}/specs/{relative.as_posix()}", path.read_bytes()
    for path in sorted(course.reference_dir.glob("**/*.py")):
        relative = path.relative_to(course.reference_dir).as_posix()
        # a learners' package holds the shown references only (and no reference helper module: withheld
        # references may share it, and it may hold their answers)
        keep = not learners or (relative not in withheld and _shown(course, relative))
        if "__pycache__" not in path.parts and keep:
            yield f"{top}/reference/{relative}", path.read_bytes()
    for exercise_id, text in sorted((recordings or {}).items()):
        yield f"{top}/{recorded.FOLDER}/{exercise_id}.json", text.encode()
    for exercise in course.exercises:  # the stubs, their docstrings written from the catalog
        source = (course.exercises_dir / exercise.relpath).read_text(encoding="utf-8")
        yield (
            f"{top}/exercises/{exercise.relpath.as_posix()}",
            stubs.with_docstring(source, exercise).encode(),
        )


def _shown(course: Course, relative: str) -> bool:
    """Whether a file of reference/ is a shown exercise's reference (never a helper module, nor another
    exercise's file)."""
    return any(e.reference_shown and e.relpath.as_posix() == relative for e in course.exercises)


def metadata(course: Course) -> dict[str, bytes]:
    """The ``*.dist-info`` files but RECORD."""
    summary = f"{course.title.en} · {course.title.zh} (a course for torch-grader)"
    return {
        "METADATA": (
            "Metadata-Version: 2.1\n"
            f"Name: {distribution(course.name)}\n"
            f"Version: {_version(course)}\n"
            f"Summary: {summary}\n"
            "Requires-Python: >=3.11\n"
            f"Requires-Dist: torch-grader{course.engine}\n"
            + "".join(f"Requires-Dist: {r}\n" for r in course.requires)
        ).encode(),
        "WHEEL": (
            "Wheel-Version: 1.0\n"
            f"Generator: torch-grader {__version__}\n"
            "Root-Is-Purelib: true\n"
            "Tag: py3-none-any\n"
        ).encode(),
        "entry_points.txt": f"[{ENTRY_POINTS}]\n{course.name} = {package(course.name)}\n".encode(),
        "top_level.txt": f"{package(course.name)}\n".encode(),
    }


def build(course: Course, folder: Path, recordings: Mapping[str, str] | None = None) -> Path:
    """Write the course's wheel into ``folder`` (created if need be) and return its path: the learners'
    package with ``recordings`` (see :func:`files`), else the instructor's, with every reference."""
    dist_info = f"{package(course.name)}-{_version(course)}.dist-info"
    entries = list(files(course, recordings)) + [(f"{dist_info}/{n}", b) for n, b in metadata(course).items()]
    record = [f"{name},sha256={_digest(data)},{len(data)}" for name, data in entries]
    record.append(f"{dist_info}/RECORD,,")
    entries.append((f"{dist_info}/RECORD", ("\n".join(record) + "\n").encode()))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / filename(course)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as wheel:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=DATE)
            info.external_attr = MODE
            info.compress_type = zipfile.ZIP_DEFLATED
            wheel.writestr(info, data)
    return path


def _digest(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
