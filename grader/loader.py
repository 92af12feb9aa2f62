"""Find and import one exercise from a tree laid out like ``exercises/`` (a learner's, or ``reference/``)."""

from __future__ import annotations

import ast
import atexit
import contextlib
import functools
import hashlib
import importlib.machinery
import importlib.util
import shutil
import sys
import tempfile
import types
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grader.cases import Case
from grader.catalog import Exercise
from grader.gate import runtime
from grader.harness import LearnerError, Outcome, learner_error, observe
from grader.i18n import Msg, say
from grader.sources import is_submission_file, read_python

REPO_ROOT = Path(__file__).resolve().parent.parent  # the engine's checkout, when it runs from one


def reference_root(exercise: Exercise | None = None) -> Path:
    """The reference tree of the exercise's course (default: the course this process works on), resolved:
    ``reference/`` beside the course's catalog, in a folder or inside an installed course package."""
    from grader import course

    return course.of(exercise).reference_dir


@dataclass(frozen=True)
class Implementation:
    exercise: Exercise
    root: Path
    path: Path
    impl: Any  # the entry itself, or a namespace of entries when the exercise has several
    trace: tuple[str, ...] = ()  # the forbidden patterns whose use the calls record (empty: untraced)

    @property
    def traced(self) -> bool:
        """Whether every Outcome of this learner must carry runtime evidence (see grader.gate.verdict)."""
        return bool(self.trace)

    def observe(self, check: Any, case: Case) -> Outcome:
        """Run one check's call in this process (the sandbox has a learner with the same method)."""
        return observe(check.run, self.impl, case, self.root, self.trace)

    def baseline_clock(self, check: Any) -> Any:
        """In-process, learner and baseline share the process and the clock (grader.timing's)."""
        from grader.timing import DEFAULT_CLOCK

        return DEFAULT_CLOCK

    def timed_call(self, check: Any, args: tuple) -> Any:
        """One call timed by the grader's stopwatch (in-process, learner code is trusted anyway), on
        copies of the arguments (a grader.racing.TimedCall)."""
        from grader.cases import clone_value
        from grader.harness import identical
        from grader.racing import TimedCall
        from grader.timing import Stopwatch

        placed = check.place(tuple(clone_value(a) for a in args))
        try:
            seconds, output = Stopwatch(check.device).time(self.impl, *placed)
        except (Exception, SystemExit) as e:
            return TimedCall(0.0, error=learner_error(e, self.root))
        changed = not all(
            identical(a.cpu() if hasattr(a, "cpu") else a, b) for a, b in zip(placed, args, strict=True)
        )
        return TimedCall(seconds, check.summarise(output, placed), inputs_changed=changed)

    def close(self) -> None:
        """Nothing to release in-process."""


NOT_STARTED = say(
    "not started: open {path} and replace `raise NotImplementedError` with your code",
    "尚未开始：打开 {path}，把 `raise NotImplementedError` 换成你的代码",
)
IMPORT_ERROR = say("could not load {path}: {error}", "无法加载 {path}：{error}")
MISSING_ENTRY = say(
    "{path} defines no `{name}`; keep the name and signature from the stub",
    "{path} 中没有定义 `{name}`；请保留练习模板中的名字和签名",
)
# What a LoadError may say, by name: the sandbox's child sends one as plain data (grader.i18n.to_plain).
LOAD_PROBLEMS = {"import_error": IMPORT_ERROR, "missing_entry": MISSING_ENTRY}


class LoadError(Exception):
    def __init__(self, problem: Msg, error: LearnerError | None = None) -> None:
        super().__init__(problem.render("en"))
        self.problem = problem
        self.error = error


def exercise_path(exercise: Exercise, root: Path) -> Path:
    return Path(root) / exercise.relpath


def helper_dirs(exercise: Exercise, root: Path) -> tuple[Path, Path]:
    """Where a learner's own modules may live: the exercise's chapter folder, then the tree's root."""
    root = Path(root).resolve()
    return root / exercise.chapter, root


def find_helper(name: str, exercise: Exercise, root: Path) -> Path | None:
    """The learner's own top-level module ``name`` (``<chapter>/<name>.py``, else ``<root>/<name>.py``),
    or None: also when an installed module has that name, which wins (the learner's folders come last
    on the import path, so a learner's ``torch.py`` never shadows torch)."""
    if not name.isidentifier() or _installed(name, helper_dirs(exercise, root)):
        return None
    for folder in helper_dirs(exercise, root):
        path = folder / f"{name}.py"
        if is_submission_file(path, root) and path.resolve() != exercise_path(exercise, root).resolve():
            return path
    return None


def learner_files(exercise: Exercise, root: Path) -> list[Path]:
    """The files a submission is made of: the exercise file, then the learner's own modules it imports
    (directly or through one another), in the order found. The sandbox copies exactly these."""
    return _learner_imports(exercise, root)[0]


def _learner_imports(exercise: Exercise, root: Path) -> tuple[list[Path], bool]:
    """:func:`learner_files`, and whether one of them imports a learner's module inside a function (not
    when the file loads): each file parsed once."""
    files = [exercise_path(exercise, root)]
    seen = {files[0].resolve()}
    late = False
    for path in files:  # grows while it is walked
        names, inside_functions = _imported_names(path, root)
        for name in names:
            helper = find_helper(name, exercise, root)
            if helper is not None:
                late = late or name in inside_functions
                if helper.resolve() not in seen:
                    seen.add(helper.resolve())
                    files.append(helper)
    return files, late


def _imported_names(path: Path, root: Path) -> tuple[set[str], set[str]]:
    """Top-level module names a file imports anywhere in it (``import a.b``, ``from a import b``), and
    those of them imported below the file's top level (inside a function, a class, a ``try``)."""
    try:
        tree = ast.parse(read_python(path, root))
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
        return set(), set()
    at_load = set(tree.body)
    names: set[str] = set()
    inside: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found = {alias.name.split(".", 1)[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found = {node.module.split(".", 1)[0]}
        else:
            continue
        names |= found
        if node not in at_load:
            inside |= found
    return names, inside


def _installed(name: str, learner_dirs: tuple[Path, ...]) -> bool:
    if name in sys.builtin_module_names or name in sys.stdlib_module_names:
        return True
    module = sys.modules.get(name)
    if module is not None:
        return not _inside(getattr(module, "__file__", None), learner_dirs)
    search = [p for p in sys.path if not _inside(p or ".", learner_dirs, exact=True)]
    try:
        return importlib.machinery.PathFinder.find_spec(name, search) is not None
    except (ImportError, ValueError):
        return False


def _inside(path: str | None, folders: tuple[Path, ...], exact: bool = False) -> bool:
    if not path:
        return False
    resolved = Path(path).resolve()
    return any(resolved == f if exact else resolved.is_relative_to(f) for f in folders)


@functools.cache
def _bytecode_folder() -> str:
    folder = tempfile.mkdtemp(prefix="grader-pycache-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def _with_helpers(function: Any, exercise: Exercise, root: Path) -> Any:
    """The learner's function, its own modules importable while it runs too (``import helper`` inside a
    function failed: the folders left the import path once the file had loaded)."""
    if not isinstance(function, types.FunctionType):
        return function  # a class: its instances are the learner's objects, used as they are

    @functools.wraps(function)
    def with_helpers(*args: Any, **kwargs: Any) -> Any:
        with _helpers_importable(exercise, root):
            return function(*args, **kwargs)

    return with_helpers


@contextlib.contextmanager
def _helpers_importable(exercise: Exercise, root: Path) -> Iterator[None]:
    """While the learner's file loads: its own modules import from its chapter folder and the tree's root,
    searched after everything installed. Afterwards the folders leave the path and the modules leave
    ``sys.modules`` (the learner's functions keep theirs), so two graded trees never share a helper."""
    folders = [str(f) for f in helper_dirs(exercise, root) if str(f) not in sys.path]
    before = set(sys.modules)
    sys.path.extend(folders)
    # bytecode is looked up (and written) in a folder of our own, not in the learner's __pycache__, where
    # a hash-based .pyc would run instead of the source the analysis read (the sandbox copies .py files
    # alone; this keeps `pytest exercises/` giving the same verdict)
    prefix, sys.pycache_prefix = sys.pycache_prefix, _bytecode_folder()
    try:
        yield
    finally:
        sys.pycache_prefix = prefix
        for folder in folders:
            with contextlib.suppress(ValueError):
                sys.path.remove(folder)
            sys.path_importer_cache.pop(folder, None)
        learner_dirs = helper_dirs(exercise, root)
        for name in set(sys.modules) - before:
            if _inside(getattr(sys.modules[name], "__file__", None), learner_dirs):
                del sys.modules[name]


def load(exercise: Exercise, root: Path, traced: bool = True) -> Implementation:
    """Import ``<root>/<chapter>/<id>.py`` afresh under a private module name and return its entry.

    ``traced``: record the forbidden APIs its calls use (exercises with a forbidden list; the trusted
    reference is loaded untraced). The recording wrappers go in before the file runs, so that
    ``from numpy import dot`` binds one.
    """
    root = Path(root).resolve()
    path = exercise_path(exercise, root)
    if not path.is_file():
        raise LoadError(IMPORT_ERROR(path=str(path), error="file not found"))
    digest = hashlib.sha1(str(root).encode()).hexdigest()[:10]
    name = f"_graded_{digest}_{exercise.id}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses and pickling look modules up by name
    trace = exercise.forbidden if traced else ()
    if trace:
        runtime.prepare(trace)
    try:
        with _helpers_importable(exercise, root):
            # from the source, as the analysis read it: never a bytecode cache shipped beside it
            exec(compile(read_python(path, root), str(path), "exec", dont_inherit=True), module.__dict__)
    except (Exception, SystemExit) as e:
        sys.modules.pop(name, None)
        error = learner_error(e, root)
        raise LoadError(IMPORT_ERROR(path=str(path), error=error.summary()), error) from None
    missing = [entry for entry in exercise.entry if not hasattr(module, entry)]
    if missing:
        raise LoadError(MISSING_ENTRY(path=str(path), name=missing[0]))
    # only where the learner imports a module of their own inside a function: the wrap costs each call
    # (a timed check counts it)
    wrap = _with_helpers if _learner_imports(exercise, root)[1] else (lambda function, *_: function)
    if len(exercise.entry) == 1:
        impl = wrap(getattr(module, exercise.entry[0]), exercise, root)
    else:
        entries = {entry: wrap(getattr(module, entry), exercise, root) for entry in exercise.entry}
        impl = types.SimpleNamespace(**entries)
    return Implementation(exercise, root, path, impl, tuple(trace))
