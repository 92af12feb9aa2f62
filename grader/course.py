"""A course: a folder (or an installed package) of exercises that the engine grades.

A course is laid out by convention, nothing to configure::

    course.toml        [course] name, version, title = {en, zh}, engine (the torch-grader versions it needs);
                       one [[tutorial]] per tutorial the seed fields cite (grader.tutorials)
    catalog/           one TOML file per chapter, in course order (grader.catalog)
    specs/             one module per exercise, CHECKS; helpers shared by several specs start with "_"
    reference/         the reference implementations, <chapter>/<id>.py
    exercises/         the stubs learners fill in, <chapter>/<id>.py
    submissions/<id>/  sample learner files: wrong_*.py and right_*.py

Which course a command works on (:func:`find`), first match wins:

1. ``--course PATH|NAME`` (a folder holding ``course.toml``, or an installed course's name);
2. ``$GRADER_COURSE`` (the same);
3. the nearest folder, from the graded folder upwards, then from the current directory upwards, that
   holds ``course.toml``, or a ``pyproject.toml`` whose ``[tool.grader]`` table says
   ``course = "<folder, relative to it, or installed course name>"``;
4. the default installed course: the only one installed beside the engine's own, else ``pytorch-basics``
   (the engine's own), else the only one installed.

Step 3 is for the learner's own loop (``pytest exercises/``, ``grader watch``, ...) and the instructor's
commands, run by each on their own files. ``grader score`` (and any batch command that grades other
people's work) takes its course from :func:`for_grading` instead: steps 1, 2 and 4 only, what the person
running the grader chose. The graded tree is untrusted: a course found in it would be its own judge (its
specs are imported by the trusted parent), so course files in or above it, or in the current folder, are
ignored, and :func:`ignored_course_files` names them for the report.

Courses are installed as Python packages that register in the entry point group ``grader.courses``
(``pytorch-basics = "grader_course"``); the engine's wheel ships its course that way, and
``grader release`` builds an instructor's course into such a wheel.

>>> course = find(env={})  # doctest: +SKIP
>>> course.name, len(course.exercises)  # doctest: +SKIP
('pytorch-basics', 40)
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib
import importlib.machinery
import importlib.metadata
import importlib.util
import os
import re
import sys
import tomllib
import types
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from grader import tutorials
from grader.catalog import Exercise, Text, load_catalog, suggest
from grader.paths import shown
from grader.tutorials import Tutorial

MARKER = "course.toml"
ENV = "GRADER_COURSE"
ENTRY_POINTS = "grader.courses"
DEFAULT = "pytorch-basics"
NAME = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
PACKAGES = "grader_courses"  # the synthetic package each course's specs are imported under
ENGINE_ROOT = Path(__file__).resolve().parent.parent  # the engine's checkout, when it runs from one

COURSE_KEYS = {
    "name": "a slug such as 'pytorch-basics' (lower case, digits, '-')",
    "version": "a version string such as '0.1.0'",
    "title": "a table { en = '...', zh = '...' }",
    "engine": "the torch-grader versions the course needs, e.g. '>=0.1,<0.2'",
    "seeds": "optional: the folder holding the tutorials' files, relative to the course (grader check then"
    " verifies each cited section)",
    "requires": "optional: a list of the pip requirements the exercises need beyond the grader, e.g."
    " ['scikit-learn>=1.3']",
}


class CourseError(ValueError):
    """No course, or a broken one; the message says what was looked for, where, and what to do."""


@dataclass(frozen=True)
class Course:
    """A course found on disk: its metadata (``course.toml``), where its parts live, and its catalog.

    Paths are resolved (the built-in course's ``reference`` is a link to the checkout's).
    """

    root: Path
    name: str
    version: str
    title: Text
    engine: str
    seeds: Path | None = None
    tutorials: tuple[Tutorial, ...] = ()  # the [[tutorial]] tables: what the seed fields cite
    requires: tuple[str, ...] = ()  # pip requirements of the exercises beyond the grader (release pins them)
    origin: str = field(default="", compare=False)  # how it was found, for messages
    installed: bool = field(default=False, compare=False)  # found by name among installed packages

    @property
    def catalog_dir(self) -> Path:
        return self.root / "catalog"

    @property
    def specs_dir(self) -> Path:
        return self.root / "specs"

    @property
    def reference_dir(self) -> Path:
        return (self.root / "reference").resolve()

    @property
    def exercises_dir(self) -> Path:
        return (self.root / "exercises").resolve()

    @property
    def submissions_dir(self) -> Path:
        return (self.root / "submissions").resolve()

    @property
    def package(self) -> str:
        """The module name this course's specs are imported under (one per course root: two courses never
        share a spec module, whatever their exercises are called)."""
        return f"{PACKAGES}._{hashlib.sha1(str(self.root).encode()).hexdigest()[:12]}"

    @cached_property
    def exercises(self) -> tuple[Exercise, ...]:
        """The catalog, in course order (CatalogError when it does not load)."""
        return load_catalog(self.catalog_dir, course_root=self.root)

    def by_id(self) -> dict[str, Exercise]:
        return {e.id: e for e in self.exercises}

    def get(self, exercise_id: str) -> Exercise:
        """The exercise with this id, or a KeyError that names the course and suggests close ids."""
        found = self.by_id().get(exercise_id)
        if found is None:
            hint = suggest(exercise_id, self.by_id())
            raise KeyError(
                f"Expected an exercise id of course {self.name} but got {exercise_id!r}; {hint}"
                "`grader list` shows them"
            )
        return found

    def index(self, exercise_id: str) -> int:
        return [e.id for e in self.exercises].index(exercise_id)

    def spec_module(self, exercise_id: str) -> types.ModuleType:
        """Import ``specs/<id>.py`` as ``<package>.specs.<id>``: its ``from ._helpers import ...`` works."""
        _register(self)
        return importlib.import_module(f"{self.package}.specs.{exercise_id}")

    def cite(self, seed: str) -> Text:
        """A seed field as a learner reads it: the tutorial's title and the sections."""
        return tutorials.cite(seed, {t.number: t for t in self.tutorials})

    def describe(self) -> str:
        """One line for messages: ``pytorch-basics 0.1.0 (course)``, the folder as :func:`shown`."""
        return f"{self.name} {self.version} ({shown(self.root)})"


# -- loading ---------------------------------------------------------------------------------------------


def load(root: Path, origin: str = "", installed: bool = False) -> Course:
    """The course whose ``course.toml`` is in ``root`` (CourseError naming the file and the fix)."""
    root = Path(root).resolve()
    path = root / MARKER
    if not path.is_file():
        raise CourseError(
            f"Expected a course at {root} but there is no {MARKER} there; a course folder holds {MARKER},"
            " catalog/, specs/, reference/ and exercises/ (`grader new CHAPTER/ID` starts one)"
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise CourseError(f"{path}: not valid TOML ({e}); fix the file") from None
    table = data.get("course")
    if not isinstance(table, dict):
        raise CourseError(f"{path}: expected a [course] table with {', '.join(COURSE_KEYS)}; add it")
    problems = [
        f"unknown key {key!r}{_did_you_mean(key, COURSE_KEYS)}" for key in table if key not in COURSE_KEYS
    ]
    for key in ("name", "version", "engine"):
        if key not in table:
            problems.append(f"missing {key} ({COURSE_KEYS[key]})")
        elif not isinstance(table[key], str) or not table[key].strip():
            problems.append(f"{key} must be {COURSE_KEYS[key]}, got {table[key]!r}")
    name = table.get("name")
    if isinstance(name, str) and not NAME.fullmatch(name):
        problems.append(f"name {name!r} must be {COURSE_KEYS['name']}")
    title = table.get("title")
    if not (
        isinstance(title, dict)
        and set(title) == {"en", "zh"}
        and all(isinstance(v, str) for v in title.values())
    ):
        problems.append(f"title must be {COURSE_KEYS['title']}, got {title!r}")
    seeds = table.get("seeds")
    if seeds is not None and not isinstance(seeds, str):
        problems.append(f"seeds must be {COURSE_KEYS['seeds']}, got {seeds!r}")
    listed, wrong = tutorials.parse(data.get("tutorial", []))
    problems += wrong
    requires = table.get("requires", [])
    if not isinstance(requires, list) or not all(_requirement(r) for r in requires):
        problems.append(
            f"requires must be {COURSE_KEYS['requires'].removeprefix('optional: ')}, got {requires!r}"
        )
    if problems:
        raise CourseError(f"{path}: " + "; ".join(problems) + " (see docs/authoring.md, 'A course')")
    course = Course(
        root=root,
        name=name,
        version=table["version"].strip(),
        title=Text(en=title["en"].strip(), zh=title["zh"].strip()),
        engine=table["engine"].strip(),
        seeds=(root / seeds).resolve() if seeds else None,
        tutorials=listed,
        requires=tuple(requires),
        origin=origin or str(path),
        installed=installed,
    )
    _check_engine(course, path)
    return course


def _check_engine(course: Course, path: Path) -> None:
    from packaging.specifiers import InvalidSpecifier, SpecifierSet

    from grader import __version__

    try:
        wanted = SpecifierSet(course.engine)
    except InvalidSpecifier:
        raise CourseError(
            f"{path}: engine = {course.engine!r} is not a version range; write e.g. '>=0.1,<0.2'"
        ) from None
    if not wanted.contains(__version__, prereleases=True):
        raise CourseError(
            f"course {course.name} ({path}) needs torch-grader{course.engine}, but this is torch-grader"
            f" {__version__}; install a grader it supports: pip install 'torch-grader{course.engine}'"
        )


def _requirement(text: Any) -> bool:
    from packaging.requirements import InvalidRequirement, Requirement

    try:
        Requirement(text)
    except (InvalidRequirement, TypeError):
        return False
    return True


def _did_you_mean(word: str, known: Mapping[str, Any] | set[str]) -> str:
    hint = suggest(word, known)
    return f" ({hint.rstrip('? ')}?)" if hint else ""


# -- discovery -------------------------------------------------------------------------------------------


def find(
    option: str | None = None, start: Path | None = None, env: Mapping[str, str] | None = None
) -> Course:
    """The course a command works on: ``option`` (--course) > $GRADER_COURSE > the nearest course from
    ``start`` (the graded folder) upwards > the nearest from the current directory upwards > the default
    installed course.

    Raises CourseError saying what was looked for and where, and what to do.
    """
    env = os.environ if env is None else env
    if option:
        return resolve(option, "--course")
    if env.get(ENV, "").strip():
        return resolve(env[ENV].strip(), f"${ENV}")
    here = Path.cwd().resolve()
    starts = [Path(start).resolve(), here] if start is not None else [here]
    for folder in starts:
        found = nearest(folder)
        if found is not None:
            return found
    return default_installed(starts[0])


def for_grading(option: str | None = None, env: Mapping[str, str] | None = None) -> Course:
    """The course ``grader score`` (and any batch command) grades against: ``option`` (--course) >
    $GRADER_COURSE > the default installed course. Only what the person running the grader chose: never
    a course found from the graded folder or the current one (see the module's docstring), whose specs
    the trusted parent would import.
    """
    env = os.environ if env is None else env
    if option:
        return _operators(option, "--course")
    if env.get(ENV, "").strip():
        return _operators(env[ENV].strip(), f"${ENV}")
    return default_installed()


def _operators(value: str, origin: str) -> Course:
    """The course ``value`` names for a batch command: an installed course's name means that course, even
    where the current folder (the graded repository, in CI) holds a folder of that name; anything else is
    a folder (write ``./name`` for a folder named like an installed course)."""
    if NAME.fullmatch(value) and value in installed_courses():
        return installed(value, origin)
    return resolve(value, origin)


IGNORED_READ_LIMIT = 1 << 20  # a pyproject.toml bigger than this is reported, never parsed


def ignored_course_files(graded: Path, chosen: Course, here: Path | None = None) -> tuple[str, ...]:
    """The course files that :func:`find` would have consulted for ``graded`` (in it and above it, in the
    current folder and above it) that name a course other than ``chosen``: ``course.toml`` files, and
    ``pyproject.toml`` files with a ``[tool.grader]`` table. Only read, never run; one that agrees with
    ``chosen`` (the engine's own repository names its course) is not listed."""
    here = Path.cwd() if here is None else here
    folders: list[Path] = []
    for start in (Path(graded).resolve(), Path(here).resolve()):
        for folder in (start, *start.parents):
            if folder not in folders:
                folders.append(folder)
    found = []
    for folder in folders:
        marker = folder / MARKER
        if marker.is_file() and folder != chosen.root:
            found.append(str(marker))
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and not _names_course(pyproject, chosen):
            found.append(f"{pyproject} [tool.grader]")
    return tuple(found)


def _names_course(pyproject: Path, chosen: Course) -> bool:
    """Whether ``pyproject`` has no [tool.grader] table, or one whose ``course`` is ``chosen`` (by folder or
    installed name); an unreadable or oversized file names something else."""
    try:
        with pyproject.open("rb") as file:
            text = file.read(IGNORED_READ_LIMIT + 1)
        if len(text) > IGNORED_READ_LIMIT:
            return False
        table = tomllib.loads(text.decode("utf-8")).get("tool", {}).get("grader")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, AttributeError):
        return False
    if table is None:
        return True
    value = table.get("course") if isinstance(table, dict) else None
    if not isinstance(value, str):
        return False
    value = value.strip()
    if chosen.installed and value == chosen.name:
        return True
    try:
        return (pyproject.parent / value).resolve() == chosen.root
    except (OSError, RuntimeError, ValueError):  # a loop of links, a NUL in the value
        return False


def resolve(value: str, origin: str, base: Path | None = None) -> Course:
    """``value`` is a folder holding a course (relative to ``base``, default the current directory) or the
    name of an installed course."""
    base = Path(base) if base is not None else Path.cwd()
    path = (base / value).expanduser()
    if path.is_dir() and (path / MARKER).is_file():
        return load(path, f"{origin} {value}")
    if NAME.fullmatch(value) and not path.exists():
        return installed(value, origin)
    if path.is_dir():
        nested = nearest_pyproject(path)
        if nested is not None:
            return nested
    raise CourseError(
        f"{origin} names {value!r}, but that is neither a folder holding {MARKER} (looked at"
        f" {path.resolve()}) nor an installed course ({_installed_list()}); give the course's folder or"
        " the name of an installed course"
    )


def nearest(start: Path) -> Course | None:
    """The course of the nearest folder from ``start`` upwards holding ``course.toml`` or a pyproject.toml
    with ``[tool.grader] course``; None when no folder does."""
    for folder in (start, *start.parents):
        if (folder / MARKER).is_file():
            return load(folder, f"{MARKER} in {folder}")
        found = nearest_pyproject(folder)
        if found is not None:
            return found
    return None


def nearest_pyproject(folder: Path) -> Course | None:
    """The course a ``pyproject.toml`` in ``folder`` names in ``[tool.grader] course``, if it names one."""
    path = folder / "pyproject.toml"
    if not path.is_file():
        return None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise CourseError(
            f"{path}: not valid TOML ({e}); fix it (it is read for its [tool.grader] table)"
        ) from None
    table = data.get("tool", {}).get("grader")
    if table is None:
        return None
    value = table.get("course") if isinstance(table, dict) else None
    if not isinstance(value, str) or not value.strip():
        raise CourseError(
            f'{path}: [tool.grader] must say course = "<folder or installed course name>", got {table!r}'
        )
    return resolve(value.strip(), f"[tool.grader] in {path}", base=folder)


def installed_courses() -> dict[str, list[importlib.metadata.EntryPoint]]:
    """Installed courses by name (entry point group ``grader.courses``); a name may come twice."""
    found: dict[str, list[importlib.metadata.EntryPoint]] = {}
    # every distribution on the path, not importlib.metadata.entry_points()'s first of each name: a stale
    # torch_grader.egg-info in a checkout would otherwise hide the installed engine's own course
    for distribution in importlib.metadata.distributions():
        for entry in distribution.entry_points:
            if entry.group == ENTRY_POINTS:
                found.setdefault(entry.name, []).append(entry)
    return found


def installed(name: str, origin: str = "installed") -> Course:
    """The installed course called ``name``, found without running its code."""
    entries = installed_courses().get(name, [])
    if not entries:
        if name == DEFAULT and _engine_checkout_course() is not None:
            return _engine_checkout_course()
        raise CourseError(
            f"{origin} names the course {name!r}, which is not installed ({_installed_list()}); install its"
            f" wheel (pip install <course>.whl) or give the course's folder"
        )
    packages = sorted({e.value for e in entries})
    if len(packages) > 1:
        raise CourseError(
            f"two installed packages call themselves course {name!r} ({', '.join(packages)}); uninstall one"
        )
    spec = importlib.util.find_spec(packages[0])
    if spec is None or not (spec.submodule_search_locations or spec.origin):
        raise CourseError(
            f"course {name!r} is registered by package {packages[0]!r}, which cannot be found; reinstall it"
        )
    root = Path(spec.origin).parent if spec.origin else Path(next(iter(spec.submodule_search_locations)))
    return load(root, f"{origin} {name} (package {packages[0]})", installed=True)


def default_installed(start: Path | None = None) -> Course:
    """The only course installed beside the engine's own (``pytorch-basics``, which comes with every
    engine: a course installed on purpose wins over it), else ``pytorch-basics``, else the only installed
    course, else a CourseError."""
    names = installed_courses()
    others = sorted(set(names) - {DEFAULT})
    if DEFAULT in names and len(others) == 1:
        return installed(others[0], "the only course installed beside the engine's own")
    if DEFAULT in names:
        return installed(DEFAULT, "the default course")
    if len(names) == 1:
        return installed(next(iter(names)), "the only installed course")
    engine = _engine_checkout_course()
    if engine is not None:
        return engine
    where = f"in {start}, the current directory and the folders above them" if start else "here"
    raise CourseError(
        f"Expected a course but found none: no --course, no ${ENV}, no {MARKER} or pyproject.toml with"
        f" [tool.grader] course {where}, and {_installed_list()}. Run the command inside a course folder,"
        " pass --course PATH, or install a course"
    )


def ships_with_engine(course: Course) -> bool:
    """Whether ``course`` is the engine's own (its wheel's ``grader_course``, or a checkout's course/):
    installing the engine installs it, so a release needs no wheel of it."""
    roots = set()
    spec = importlib.util.find_spec("grader_course")
    if spec is not None and spec.origin:
        roots.add(Path(spec.origin).resolve().parent)
    engine = _engine_checkout_course()
    if engine is not None:
        roots.add(engine.root)
    return course.root in roots


def _engine_checkout_course() -> Course | None:
    """The engine's own course when the engine runs from a checkout that was never installed."""
    if not (ENGINE_ROOT / "pyproject.toml").is_file() or not (ENGINE_ROOT / "grader").is_dir():
        return None
    try:
        return nearest_pyproject(ENGINE_ROOT)
    except CourseError:
        return None


def _installed_list() -> str:
    names = sorted(installed_courses())
    return f"installed courses: {', '.join(names)}" if names else "no course is installed"


# -- the command line ---------------------------------------------------------------------------------------


def add_option(parser: argparse.ArgumentParser, default: str) -> None:
    """``--course PATH|NAME``, the same for every command that works on a course; ``default`` says where
    that command looks without it."""
    parser.add_argument(
        "--course",
        metavar="PATH|NAME",
        help="the course: a folder holding course.toml, or an installed course's name [env GRADER_COURSE;"
        f" default: {default}]",
    )


# -- the course of this process --------------------------------------------------------------------------

_active: Course | None = None
_by_root: dict[Path, Course] = {}


def active() -> Course:
    """The course this process works on: the one :func:`use` chose, else :func:`find` from here."""
    global _active
    if _active is None:
        use(find())
    assert _active is not None
    return _active


def use(course: Course) -> Course:
    """Make ``course`` the one :func:`active` answers with (commands call this once they have found
    theirs)."""
    global _active
    _active = course
    _by_root[course.root] = course
    return course


@contextlib.contextmanager
def restored() -> Iterator[None]:
    """Give back, on leaving, the course that was active on entering: a command run in-process (tests,
    a notebook) that picks its own course with :func:`use` leaves the process's course as it found it."""
    global _active
    before = _active
    try:
        yield
    finally:
        _active = before


def of(exercise: Exercise | None = None) -> Course:
    """The course an exercise comes from (its catalog entry knows); the active course for None."""
    root = getattr(exercise, "course_root", None)
    if root is None:
        return active()
    if _active is not None and _active.root == root:
        return _active
    if root not in _by_root:
        _by_root[root] = load(root)
    return _by_root[root]


def spec_module(exercise: Exercise) -> types.ModuleType:
    """The spec module of an exercise, imported from its course."""
    return of(exercise).spec_module(exercise.id)


def _register(course: Course) -> None:
    """Put the course's synthetic packages in sys.modules: ``grader_courses`` (holds nothing itself),
    ``grader_courses._<hash>`` and ``grader_courses._<hash>.specs``, whose path is the course's specs/."""
    specs = f"{course.package}.specs"
    if specs in sys.modules:
        return
    if PACKAGES not in sys.modules:
        sys.modules[PACKAGES] = _package(PACKAGES, [])
    if course.package not in sys.modules:
        sys.modules[course.package] = _package(course.package, [])
        sys.modules[course.package].__course_root__ = str(course.root)  # type: ignore[attr-defined]
    init = course.specs_dir / "__init__.py"
    if init.is_file():
        spec = importlib.util.spec_from_file_location(
            specs, init, submodule_search_locations=[str(course.specs_dir)]
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[specs] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:
            del sys.modules[specs]
            raise
    else:
        sys.modules[specs] = _package(specs, [str(course.specs_dir)])


def _package(name: str, path: list[str]) -> types.ModuleType:
    module = types.ModuleType(name)
    spec = importlib.machinery.ModuleSpec(name, None, is_package=True)
    spec.submodule_search_locations = list(path)
    module.__spec__ = spec
    module.__path__ = list(path)
    module.__package__ = name
    return module
