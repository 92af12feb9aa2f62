"""What a learner's files say about forbidden APIs, read once per content (no learner code runs).

astroid resolves what each name refers to (see :mod:`grader.gate._astroid`), so the gate tells a
learner's own ``ReLU.backward`` or ``self.grad`` from ``torch.Tensor.backward``, and sees a forbidden call
through an alias, another of the learner's modules, a constant-built ``getattr`` name, ``methodcaller``
or ``torch.Tensor.__dict__``. Each :class:`Finding` is of one kind:

- ``definite``: a forbidden API, resolved (``F.one_hot``; ``x.backward()`` on a receiver that is not the
  learner's own object, unless the learner also defines a ``backward`` of their own);
- ``ambiguous``: ``x.backward()`` where ``x`` cannot be inferred and the learner defines a ``backward``
  too: only runtime evidence at that line decides;
- ``dynamic``: code the grader cannot check because it is built at run time (a computed ``getattr`` on
  something that may be a library object, ``eval``/``exec`` of a built string, ``__import__(name)``);
- ``tamper``: a means to switch off the runtime record (``torch._C``, ``torch.overrides``,
  ``sys.setprofile``, ``gc``, ``ctypes``, frames, other threads or processes, the grader's internals).

The analysis runs on the trusted side only, and only for exercises with a forbidden list: a learner's tree
in an analysis process of its own, under a hard wall-clock and memory limit (:mod:`grader.gate.isolation`).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from astroid import nodes

from grader.catalog import Exercise
from grader.gate._astroid import External, LearnerModule, Session, Uninferable, constant_strings, infer
from grader.gate.patterns import MATMUL, Patterns
from grader.gate.values import LIBRARY, MAYBE, OWN, UNKNOWN, callee_name, owner
from grader.loader import exercise_path, find_helper, learner_files
from grader.sources import read_python

DEFINITE, AMBIGUOUS, DYNAMIC, TAMPER = "definite", "ambiguous", "dynamic", "tamper"
_MAX_CODE = 120
_MAX_EXEC_DEPTH = 2
# per file, checked between nodes (one inference may run past it: the analysis process's hard limit ends
# that); learner files take milliseconds: only code built to stall gets here
ANALYSIS_SECONDS = 5.0
TIME_LIMIT = "time limit of the analysis"  # the api of the finding that says so

# Means to switch the runtime record off, or to run code where it does not look (checked only in
# exercises with a forbidden list, where learners need none of them).
TAMPER_MODULES = (
    "torch._C",
    "torch.overrides",
    "torch.utils._python_dispatch",
    "torch._ops",
    "gc",
    "ctypes",
    "_ctypes",
    "inspect",
    "threading",
    "_thread",
    "multiprocessing",
    "concurrent",
    "subprocess",
    "signal",
    "importlib.reload",
    "types.CodeType",
    "types.FunctionType",
    "types.FrameType",
    "sys.setprofile",
    "sys.settrace",
    "sys._getframe",
    "sys._current_frames",
    "sys.addaudithook",
    "sys.modules",
    "os.system",
    "os.popen",
    "os.fork",
    "os.forkpty",
    "os.posix_spawn",
    "os.posix_spawnp",
    "builtins.__import__",
)
TAMPER_PREFIXES = ("os.exec", "os.spawn")  # os.execv, os.spawnlp, ...
# the grader's own modules, except the helpers the exercises hand to learners
GRADER_PUBLIC = ("grader.datasets",)
# attributes that only frames, tracebacks, generators and functions have: the way to a grader frame
TAMPER_ATTRS = frozenset(
    {
        "f_back",
        "f_locals",
        "f_globals",
        "f_builtins",
        "f_code",
        "tb_frame",
        "tb_next",
        "gi_frame",
        "cr_frame",
        "ag_frame",
        "__globals__",
        "__code__",
        "__closure__",
        "__builtins__",
        "__subclasses__",
        "__mro__",
        "__bases__",
        "__base__",
    }
)
_GETATTR = {"builtins.getattr", "builtins.setattr", "builtins.delattr", "builtins.hasattr"}
_EXEC = {"builtins.eval", "builtins.exec", "builtins.compile"}
_NAME_GETTERS = {"operator.attrgetter", "operator.methodcaller"}
_IMPORTERS = {"builtins.__import__", "importlib.import_module", "importlib.__import__"}
# return the object a dotted name refers to: the same as naming it
_RESOLVERS = {"pkgutil.resolve_name", "pydoc.locate"}
_NAMESPACES = {"builtins.vars", "builtins.globals", "builtins.locals"}


@dataclass(frozen=True, order=True)
class Finding:
    file: str  # relative to the learner's root, forward slashes: "06_autograd/mlp_backward.py"
    line: int
    code: str  # the expression, as written (shortened)
    kind: str  # definite | ambiguous | dynamic | tamper
    api: str  # what it refers to: "torch.autograd.grad", ".backward", "getattr(<computed>)"
    pattern: str = ""  # the forbidden pattern it matches ("" for dynamic and tamper)


@dataclass(frozen=True)
class Analysis:
    findings: tuple[Finding, ...] = ()
    files: tuple[str, ...] = ()  # the learner files read, relative to the root

    def of_kind(self, *kinds: str) -> list[Finding]:
        return [f for f in self.findings if f.kind in kinds]

    @property
    def failing(self) -> list[Finding]:
        """Findings that fail the gate on their own (ambiguous ones need runtime evidence)."""
        return self.of_kind(DEFINITE, DYNAMIC, TAMPER)


def analyze_here(exercise: Exercise, root: Path, digest: str) -> Analysis:
    """The analysis in this process, without the hard limits of :func:`grader.gate.isolation.analyze`
    (the analysis process's own call;
    (``digest``: of the files' content, which the cache is keyed by)."""
    return _analyze_cached(exercise, Path(root).resolve(), digest)


def analyze_source(source: str, patterns: Sequence[str], relpath: str = "exercise.py") -> Analysis:
    """The findings in one file's source, without helper modules (for ``grader check`` and tests)."""
    return _analyze_source_cached(source, tuple(patterns), relpath)


@lru_cache(maxsize=256)
def _analyze_source_cached(source: str, patterns: tuple[str, ...], relpath: str) -> Analysis:
    root = Path("/nonexistent-learner-root")
    session = Session(root, lambda name: None)
    try:
        module = session.parse(source, root / relpath)
    except SyntaxError:
        return Analysis()
    return _run(session, [module], Patterns.parse(patterns))


@lru_cache(maxsize=256)
def _analyze_cached(exercise: Exercise, root: Path, digest: str) -> Analysis:
    session = Session(root, lambda name: find_helper(name, exercise, root))
    try:
        main = session.parse(read_python(exercise_path(exercise, root), root), root / exercise.relpath)
    except (OSError, SyntaxError, UnicodeDecodeError):
        return Analysis()  # it does not load either: the learner is told that instead
    session.modules["__main__"] = main
    # import every helper the file reaches, so each is scanned (learner_files found the same set)
    for path in learner_files(exercise, root)[1:]:
        try:
            session.module(path.stem)
        except SyntaxError:
            continue
    modules = [m for m in session.modules.values() if isinstance(m, LearnerModule)]
    return _run(session, modules, Patterns.parse(exercise.forbidden))


def _run(session: Session, modules: list[LearnerModule], patterns: Patterns) -> Analysis:
    try:
        own = _learner_attribute_names(modules)
        found: list[Finding] = []
        for module in modules:
            found += _Scanner(module, patterns, own).scan()
        return Analysis(_tidy(found), tuple(sorted(m.relpath for m in modules)))
    finally:
        session.close()


def _learner_attribute_names(modules: Iterable[nodes.Module]) -> frozenset[str]:
    """Every attribute name the learner defines somewhere: methods and class attributes of their classes,
    and ``obj.name = ...`` or ``setattr(obj, 'name', ...)`` on an object of theirs (``w.grad = None`` on a
    tensor defines nothing of theirs)."""
    names: set[str] = set()
    for module in modules:
        for cls in module.nodes_of_class(nodes.ClassDef):
            names.update(cls.locals)
        names.update(n.attrname for n in module.nodes_of_class(nodes.AssignAttr) if _theirs(n.expr))
        for call in module.nodes_of_class(nodes.Call):
            if isinstance(call.func, nodes.Name) and call.func.name == "setattr" and len(call.args) >= 2:
                arg = call.args[1]
                if isinstance(arg, nodes.Const) and isinstance(arg.value, str) and _theirs(call.args[0]):
                    names.add(arg.value)
    return frozenset(names)


def _theirs(receiver: nodes.NodeNG) -> bool:
    return any(owner(v, None) == OWN for v in infer(receiver))


class _Scanner:
    """Walks one learner module and reports each use it can resolve."""

    def __init__(
        self, module: LearnerModule, patterns: Patterns, own: frozenset[str], depth: int = 0
    ) -> None:
        self.module = module
        self.patterns = patterns
        self.own = own  # attribute names the learner defines (see _learner_attribute_names)
        self.depth = depth
        self.found: list[Finding] = []
        # `from torch import *`: a name nothing else defines may come from there
        self.star_sources = [
            n.modname for n in module.nodes_of_class(nodes.ImportFrom) if n.names[0][0] == "*" and not n.level
        ]

    def scan(self) -> list[Finding]:
        annotations = _annotation_nodes(self.module)
        deadline = time.monotonic() + ANALYSIS_SECONDS
        for node in self.module.nodes_of_class(
            (
                nodes.Name,
                nodes.Attribute,
                nodes.AssignAttr,
                nodes.DelAttr,
                nodes.Call,
                nodes.Subscript,
                nodes.BinOp,
                nodes.AugAssign,
            )
        ):
            if id(node) in annotations:
                continue
            if time.monotonic() > deadline:  # the trusted side reads untrusted code: bounded, and told
                self.found.append(Finding(self.module.relpath, 0, "", DYNAMIC, TIME_LIMIT))
                break
            if isinstance(node, nodes.Name):
                self._name(node)
            elif isinstance(node, nodes.Attribute | nodes.AssignAttr | nodes.DelAttr):
                self._attribute(node, node.expr, node.attrname)
            elif isinstance(node, nodes.Call):
                self._call(node)
            elif isinstance(node, nodes.Subscript):
                self._subscript(node)
            elif node.op in ("@", "@="):
                self._matmul(node)
        return self.found

    # -- reporting ---------------------------------------------------------------------------------------

    def report(self, node: nodes.NodeNG, kind: str, api: str, pattern: str = "") -> None:
        code = node.as_string()
        code = code if len(code) <= _MAX_CODE else code[: _MAX_CODE - 1] + "…"
        self.found.append(Finding(self.module.relpath, node.lineno or 0, code, kind, api, pattern))

    def library(self, node: nodes.NodeNG, qualname: str) -> None:
        """``node`` refers to the library object ``qualname``: forbidden, a means to tamper, or fine."""
        pattern = self.patterns.qualified(qualname)
        if pattern is not None:
            self.report(node, DEFINITE, qualname, pattern)
        elif _is_tamper(qualname):
            self.report(node, TAMPER, qualname)

    # -- node kinds --------------------------------------------------------------------------------------

    def _name(self, node: nodes.Name) -> None:
        if node.name == "__builtins__":
            self.report(node, TAMPER, "__builtins__")
            return
        for value in self._values(node):
            if isinstance(value, External):
                self.library(node, value.name)

    def _attribute(self, node: nodes.NodeNG, receiver: nodes.NodeNG, name: str) -> None:
        self._access(node, self._values(receiver), name)

    def _values(self, node: nodes.NodeNG) -> list[Any]:
        """What ``node`` may be; a name only a star import can define is that module's attribute."""
        values = infer(node)
        if (
            values == [Uninferable]
            and isinstance(node, nodes.Name)
            and self.star_sources
            and not _defined(node)
        ):
            stars = [self.module.session.module(source) for source in self.star_sources]
            externals = [External(f"{m.name}.{node.name}") for m in stars if isinstance(m, External)]
            return externals or values
        return values

    def _access(self, node: nodes.NodeNG, values: list[Any], name: str) -> None:
        """``node`` reads, writes or calls the attribute ``name`` of a receiver that may be any of
        ``values``."""
        library = any(isinstance(v, External) for v in values)
        for value in values:
            if isinstance(value, External):
                self.library(node, f"{value.name}.{name}")
        if library:
            reaching = any(isinstance(v, External) and self._reaches(v) for v in values)
            if name == "__dict__" and reaching and not _looked_up_by_constant(node):
                self.report(node, DYNAMIC, "__dict__")
            return
        owners = {owner(value, name) for value in values}
        pattern = self.patterns.attr(name)
        if pattern is None and owners & {UNKNOWN, MAYBE}:
            pattern = self.patterns.tail(name)  # on an unknown object, torch.broadcast_shapes's name too
        if pattern is not None:
            kind = self._kind_for(owners, name)
            if kind is not None:
                self.report(node, kind, "." + name, pattern)
        if name in TAMPER_ATTRS and name not in self.own:  # frames and code are builtins: any receiver
            self.report(node, TAMPER, "." + name)
        elif name == "__dict__" and owners & {UNKNOWN, LIBRARY} and not _looked_up_by_constant(node):
            self.report(node, DYNAMIC, "__dict__")

    def _kind_for(self, owners: set[str], name: str) -> str | None:
        """definite / ambiguous / None for ``.name`` on receivers of these kinds (see module docstring)."""
        if LIBRARY in owners:
            return DEFINITE
        if UNKNOWN in owners:
            return AMBIGUOUS if name in self.own else DEFINITE
        if MAYBE in owners:
            return AMBIGUOUS
        return None

    def _call(self, node: nodes.Call) -> None:
        callees = {callee_name(v) for v in infer(node.func)} - {None}
        if callees & _GETATTR and len(node.args) >= 2:
            self._named_access(node, node.args[0], node.args[1])
        elif callees & _NAME_GETTERS and node.args:
            self._name_getter(node)
        elif callees & _EXEC and node.args:
            self._exec(node)
        elif callees & _RESOLVERS and node.args:
            self._resolver(node)
        elif callees & _IMPORTERS and node.args and constant_strings(node.args[0]) is None:
            self.report(node, DYNAMIC, "import(<computed name>)")
        elif "builtins.vars" in callees and node.args and self._may_reach(node.args[0]):
            if not _looked_up_by_constant(node):  # vars(torch).items(): every function, by computed name
                self.report(node, DYNAMIC, "vars()")
        elif isinstance(node.func, nodes.Attribute) and node.func.attrname in (
            "__getattribute__",
            "__getattr__",
        ):
            # x.__getattribute__('backward'), or object.__getattribute__(x, 'backward') on a class
            if len(node.args) == 1:
                self._named_access(node, node.func.expr, node.args[0])
            elif len(node.args) >= 2:
                self._named_access(node, node.args[0], node.args[1])
        elif isinstance(node.func, nodes.Attribute) and node.func.attrname in ("get", "pop") and node.args:
            # torch.Tensor.__dict__.get('backward'), sys.modules.get(name)
            self._mapping_lookup(node, node.func.expr, node.args[0])
        if "requires_grad" in {k.arg for k in node.keywords or ()}:
            self._requires_grad_keyword(node, callees)

    def _resolver(self, node: nodes.Call) -> None:
        """``pkgutil.resolve_name('torch.matmul')`` is ``torch.matmul``; a computed name is dynamic."""
        names = constant_strings(node.args[0])
        if names is None:
            self.report(node, DYNAMIC, "resolve_name(<computed name>)")
            return
        for name in names:
            self.library(node, name.replace(":", "."))

    def _name_getter(self, node: nodes.Call) -> None:
        """``operator.attrgetter('a.b')`` / ``methodcaller('name')``: on the object it is applied to right
        away (``attrgetter('a')(torch)``), else on any object."""
        names = constant_strings(node.args[0])
        if names is None:
            self.report(node, DYNAMIC, "operator(<computed name>)")
            return
        applied = isinstance(node.parent, nodes.Call) and node.parent.func is node and node.parent.args
        for name in names:
            values = self._values(node.parent.args[0]) if applied else [Uninferable]
            for part in name.split("."):  # attrgetter('serialization.pickle'): each step in turn
                self._access(node, values, part)
                values = [
                    External(f"{v.name}.{part}") if isinstance(v, External) else Uninferable for v in values
                ]

    def _named_access(self, node: nodes.Call, receiver: nodes.NodeNG, key: nodes.NodeNG) -> None:
        names = constant_strings(key)
        if names is not None:
            for name in names:
                self._attribute(node, receiver, name)
        elif self._may_reach(receiver):
            self.report(node, DYNAMIC, "getattr(<computed name>)")

    def _subscript(self, node: nodes.Subscript) -> None:
        self._mapping_lookup(node, node.value, node.slice)

    def _mapping_lookup(self, node: nodes.NodeNG, mapping: nodes.NodeNG, key: nodes.NodeNG) -> None:
        """``X.__dict__[k]``, ``vars(X)[k]``, ``sys.modules[k]``, ``globals()[k]``: with a constant key,
        the attribute k of X (the rest of the scan resolves it); with a computed one, dynamic."""
        namespace = self._namespace_of(mapping)
        if namespace is None:
            return
        owner, label = namespace
        names = constant_strings(key)
        if names is None:
            if owner is None or self._may_reach(owner):
                self.report(node, DYNAMIC, f"{label}[<computed name>]")
        elif owner is not None:
            for name in names:
                self._attribute(node, owner, name)

    def _namespace_of(self, mapping: nodes.NodeNG) -> tuple[nodes.NodeNG | None, str] | None:
        """(the object whose attributes ``mapping`` holds, a label) when it is a namespace, else None.
        The object is None for namespaces of names (globals(), sys.modules)."""
        if isinstance(mapping, nodes.Attribute) and mapping.attrname == "__dict__":
            return mapping.expr, "__dict__"
        if isinstance(mapping, nodes.Call):
            callees = {callee_name(v) for v in infer(mapping.func)}
            if "builtins.vars" in callees and mapping.args:
                return mapping.args[0], "vars()"
            if callees & _NAMESPACES:
                return None, "globals()"
        if any(isinstance(v, External) and v.name == "sys.modules" for v in infer(mapping)):
            return None, "sys.modules"
        return None

    def _may_reach(self, receiver: nodes.NodeNG) -> bool:
        """Whether a computed attribute of ``receiver`` may be a forbidden API: it may be a library object
        (not provably the learner's own or a builtin) that holds one. ``getattr(nn, cfg['activation'])``
        cannot reach ``grader.datasets.digits_held_out``; on a parameter, anything may be reached."""
        return any(self._reaches(v) for v in self._values(receiver))

    def _reaches(self, value: Any) -> bool:
        if isinstance(value, External):
            return self.patterns.may_reach(value.name)
        return owner(value, None) in (LIBRARY, UNKNOWN, MAYBE)

    def _exec(self, node: nodes.Call) -> None:
        """``exec('...')`` with a constant: its code is scanned as if written at the module's top level;
        anything else is dynamic."""
        sources = constant_strings(node.args[0])
        if sources is None or self.depth >= _MAX_EXEC_DEPTH:
            self.report(node, DYNAMIC, "exec(<computed code>)")
            return
        for source in sources:
            for finding in self._scan_inline(source):
                self.found.append(
                    Finding(
                        self.module.relpath,
                        node.lineno,
                        _short(node),
                        finding.kind,
                        finding.api,
                        finding.pattern,
                    )
                )

    def _scan_inline(self, source: str) -> list[Finding]:
        """Findings in code run by exec/eval: appended to the module, so its names mean what they mean
        there (the enclosing function's locals stay unknown, which the rules treat with care)."""
        offset = self.module.source.count("\n") + 1
        try:
            combined = self.module.session.parse(
                f"{self.module.source}\n{source}\n", Path(self.module.file), variant="exec"
            )
        except SyntaxError:
            return []  # it raises SyntaxError when it runs, and runs nothing
        found = _Scanner(combined, self.patterns, self.own, self.depth + 1).scan()
        return [f for f in found if f.line > offset]

    def _matmul(self, node: nodes.BinOp | nodes.AugAssign) -> None:
        if not self.patterns.matmul_operator:
            return
        left = node.left if isinstance(node, nodes.BinOp) else node.target
        values = infer(left)
        if all(owner(v, "__matmul__") == OWN for v in values):
            return  # the learner's own class defines @
        self.report(node, DEFINITE, MATMUL, MATMUL)

    def _requires_grad_keyword(self, node: nodes.Call, callees: set[str | None]) -> None:
        pattern = self.patterns.attr("requires_grad")
        if pattern is None:
            return
        keyword = next(k for k in node.keywords if k.arg == "requires_grad")
        off = isinstance(keyword.value, nodes.Const) and not keyword.value.value
        library = any(isinstance(v, External) for v in infer(node.func))
        if library and not off:
            self.report(node, DEFINITE, "requires_grad=", pattern)


def _is_tamper(qualname: str) -> bool:
    if qualname.split(".", 1)[0] == "grader":
        return not _inside(qualname, GRADER_PUBLIC)
    return _inside(qualname, TAMPER_MODULES) or qualname.startswith(TAMPER_PREFIXES)


def _inside(qualname: str, names: Iterable[str]) -> bool:
    return any(qualname == n or qualname.startswith(n + ".") for n in names)


def _defined(name: nodes.Name) -> bool:
    """Whether a name is bound anywhere in the scopes it is looked up in, or is a builtin."""
    _, assignments = name.lookup(name.name)
    return bool(assignments)


def _looked_up_by_constant(node: nodes.NodeNG) -> bool:
    """Whether a namespace (``X.__dict__``, ``vars(X)``) is only read at a constant key right here:
    ``X.__dict__['backward']`` or ``vars(X).get('backward')`` (the scan resolves those)."""
    parent = node.parent
    if isinstance(parent, nodes.Subscript) and parent.value is node:
        key = parent.slice
    elif (
        isinstance(parent, nodes.Attribute)
        and parent.attrname in ("get", "pop")
        and isinstance(parent.parent, nodes.Call)
        and parent.parent.args
    ):
        key = parent.parent.args[0]
    else:
        return False
    return constant_strings(key) is not None


def _annotation_nodes(module: nodes.Module) -> set[int]:
    """ids of every node inside a type annotation: naming a type is not calling anything."""
    roots: list[nodes.NodeNG] = []
    for fn in module.nodes_of_class(nodes.FunctionDef):
        args = fn.args
        roots += [
            a for a in (*args.annotations, *args.posonlyargs_annotations, *args.kwonlyargs_annotations) if a
        ]
        roots += [a for a in (args.varargannotation, args.kwargannotation, fn.returns) if a]
    roots += [n.annotation for n in module.nodes_of_class(nodes.AnnAssign)]
    return {id(n) for root in roots for n in root.nodes_of_class(nodes.NodeNG)}


def _short(node: nodes.NodeNG) -> str:
    code = node.as_string()
    return code if len(code) <= _MAX_CODE else code[: _MAX_CODE - 1] + "…"


def _tidy(found: list[Finding]) -> tuple[Finding, ...]:
    """One finding per (file, line, code), the strongest kind; and not ``torch.nn`` inside ``torch.nn.x``
    on the same line."""
    rank = {DEFINITE: 0, TAMPER: 1, DYNAMIC: 2, AMBIGUOUS: 3}
    best: dict[tuple[str, int, str], Finding] = {}
    for f in found:
        key = (f.file, f.line, f.code)
        if key not in best or rank[f.kind] < rank[best[key].kind]:
            best[key] = f
    kept = [
        f
        for f in best.values()
        if not any(
            o is not f
            and o.file == f.file
            and o.line == f.line
            and f.code in o.code
            and o.code != f.code
            and rank[o.kind] <= rank[f.kind]
            for o in best.values()
        )
    ]
    return tuple(sorted(kept))
