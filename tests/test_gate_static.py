"""grader.gate.static: what a learner's files say, resolved by astroid. Each attack (an obfuscated forbidden
call) must be found; each correct learner style (their own backward, grad, matmul…) must not fail."""

import time
from pathlib import Path

import pytest

from grader import course
from grader.gate import isolation, static
from grader.gate.isolation import analyze
from grader.gate.patterns import check_patterns
from grader.gate.static import AMBIGUOUS, DEFINITE, DYNAMIC, TAMPER, analyze_source

AUTOGRAD = course.active().get("mlp_backward").forbidden
MATMUL = course.active().get("matmul").forbidden
OPTIM = course.active().get("sgd_step").forbidden


def found(source: str, patterns=AUTOGRAD) -> list[tuple[int, str, str]]:
    """(line, kind, api) of every finding."""
    return [(f.line, f.kind, f.api) for f in analyze_source(source, patterns).findings]


def failing(source: str, patterns=AUTOGRAD) -> list[tuple[int, str]]:
    """(line, kind) of the findings that fail the gate on their own."""
    return [(f.line, f.kind) for f in analyze_source(source, patterns).failing]


# -- correct learner code: nothing fails --------------------------------------------------------------

LAYER_CLASSES = """
import torch

class Linear:
    def __init__(self, W, b):
        self.W, self.b = W, b
    def forward(self, x):
        self.x = x
        return x @ self.W + self.b
    def backward(self, d):
        self.grad = {"W": self.x.T @ d, "b": d.sum(0)}
        return d @ self.W.T

class ReLU:
    def forward(self, x):
        self.mask = x > 0
        return x * self.mask
    def backward(self, d):
        return d * self.mask

def mlp_backward(x, W1, b1, W2, b2, y):
    l1, act, l2 = Linear(W1, b1), ReLU(), Linear(W2, b2)
    out = l2.forward(act.forward(l1.forward(x)))
    d = 2 * (out - y) / y.numel()
    d = l2.backward(d)
    d = act.backward(d)
    l1.backward(d)
    return {"W1": l1.grad["W"], "b1": l1.grad["b"], "W2": l2.grad["W"], "b2": l2.grad["b"]}
"""


def test_a_learners_own_layer_classes_with_backward_and_grad_pass() -> None:
    assert found(LAYER_CLASSES) == []


def test_own_layers_in_a_reversed_list_are_only_ambiguous() -> None:
    source = (
        LAYER_CLASSES
        + "\ndef run(layers, d):\n    for layer in reversed(layers):\n        d = layer.backward(d)\n"
    )
    assert failing(source) == []
    last = len(source.splitlines())
    assert found(source) == [(last, AMBIGUOUS, ".backward")]  # the runtime trace settles it


def test_an_own_helper_named_like_a_forbidden_api_passes() -> None:
    source = (
        "import torch\n"
        "def dot(u, v):\n    return (u * v).sum()\n"
        "class Vec:\n    def matmul(self, other):\n        return 0\n"
        "def matmul(a, b):\n    v = Vec()\n    v.matmul(v)\n"
        "    return torch.stack([torch.stack([dot(r, c) for c in b.T]) for r in a])\n"
    )
    assert found(source, MATMUL) == []


def test_no_grad_annotations_and_unused_imports_are_not_uses() -> None:
    source = (
        "import torch\nfrom torch.autograd import grad\n"
        "def f(x: torch.Tensor, opt: 'torch.optim.SGD') -> torch.Tensor:\n"
        "    with torch.no_grad():\n        return torch.zeros(3, requires_grad=False) + x\n"
    )
    assert found(source) == []
    assert found("import torch\ndef f(p: torch.optim.Optimizer):\n    return p\n", OPTIM) == []


def test_a_module_passed_in_is_not_taken_for_a_forbidden_one() -> None:
    source = "def norm(xp, x):\n    return xp.linalg.norm(x)\n"  # array-API style: xp is numpy or torch
    assert found(source, course.active().get("fit_linear_regression").forbidden) == []


def test_a_class_based_optimizer_with_its_own_step_passes() -> None:
    source = (
        "class SGD:\n    def __init__(self, lr):\n        self.lr = lr\n"
        "    def step(self, param, grad):\n        return param - self.lr * grad\n"
        "def sgd_step(param, grad, buf, lr, momentum=0.0, weight_decay=0.0, nesterov=False):\n"
        "    return SGD(lr).step(param, grad), None\n"
    )
    assert found(source, OPTIM) == []


# -- attacks: each is found -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "line", "api"),
    [
        (
            "from torch.autograd import grad as g\ndef f(y, x):\n    return g(y, x)\n",
            3,
            "torch.autograd.grad",
        ),
        (
            "import torch\ndef f(y, x):\n    return getattr(torch, 'auto' + 'grad').grad(y, x)\n",
            3,
            "torch.autograd.grad",
        ),
        (
            "import torch\ndef f(x):\n    torch.Tensor.__dict__['back' + 'ward'](x)\n",
            3,
            "torch.Tensor.backward",
        ),
        ("import torch\ndef f(x):\n    vars(torch.Tensor).get('backward')(x)\n", 3, "torch.Tensor.backward"),
        ("import operator\ndef f(x):\n    operator.methodcaller('backward')(x)\n", 3, ".backward"),
        ("def f(x):\n    getattr(x, f'{\"back\"}ward')()\n", 2, ".backward"),
        (
            "import torch\ndef f(x, y):\n    exec('torch.autograd.backward(y)')\n",
            3,
            "torch.autograd.backward",
        ),
        (
            "def f(y, x):\n    t = __import__('torch')\n    return t.autograd.grad(y, x)\n",
            3,
            "torch.autograd.grad",
        ),
        ("import importlib\ng = importlib.import_module('torch.autograd').grad\n", 2, "torch.autograd.grad"),
        (
            "import sys\ndef f(y, x):\n    return sys.modules['torch'].autograd.grad(y, x)\n",
            3,
            "torch.autograd.grad",
        ),
        ("from torch import *\ndef f(y, x):\n    return autograd.grad(y, x)\n", 3, "torch.autograd.grad"),
        ("import torch\ndef f(x):\n    return torch.zeros(3, requires_grad=True) * x\n", 3, "requires_grad="),
        ("import torch.func as tf\ndef f(g, x):\n    return tf.grad(g)(x)\n", 3, "torch.func.grad"),
    ],
)
def test_obfuscated_forbidden_calls_are_definite(source: str, line: int, api: str) -> None:
    assert (line, DEFINITE, api) in found(source)


@pytest.mark.parametrize(
    "reach",
    [
        "getattr(torch.serialization, 'pic' + 'kle')",
        "operator.attrgetter('serialization.pickle')(torch)",
        "__import__('torch.serial' + 'ization', fromlist=['x']).pickle",
    ],
)
def test_a_forbidden_module_reached_under_another_name_is_definite(reach: str) -> None:
    source = f"import operator, torch\ndef f(s):\n    return {reach}.dumps(s)\n"
    assert DEFINITE in {
        kind for line, kind, _ in found(source, course.active().get("checkpoint").forbidden) if line == 3
    }


def test_a_method_on_a_parameter_is_definite_unless_the_learner_defines_one() -> None:
    assert found("def f(a, b):\n    return a.matmul(b)\n", MATMUL) == [(2, DEFINITE, ".matmul")]
    own = "class M:\n    def matmul(self, o):\n        return 0\ndef f(a, b):\n    return a.matmul(b)\n"
    assert found(own, MATMUL) == [(5, AMBIGUOUS, ".matmul")]


def test_operators_aliases_and_numpy() -> None:
    source = (
        "import numpy as np\nfrom numpy import dot as d\n"
        "def f(a, b):\n    a @= b\n    return d(a, b) + np.inner(a, b)\n"
    )
    assert found(source, MATMUL) == [
        (4, DEFINITE, "@"),
        (5, DEFINITE, "numpy.dot"),
        (5, DEFINITE, "numpy.inner"),
    ]


def test_another_name_for_the_same_object_matches() -> None:
    source = "from torch.nn.modules.linear import Linear\nlayer = Linear(2, 2)\n"
    assert (2, DEFINITE, "torch.nn.modules.linear.Linear") in found(source, MATMUL)


BROADCAST = course.active().get("broadcast_add").forbidden


@pytest.mark.parametrize(
    "source",
    [
        "import pkgutil\ndef f(a, b):\n    return pkgutil.resolve_name('torch.broadcast_tensors')(a, b)\n",
        "from pkgutil import resolve_name as r\nN = 'torch:broadcast_tensors'\n"
        "def f(a, b):\n    return r(N)(a, b)\n",
        "import pydoc\ndef f(a, b):\n    return pydoc.locate('torch.broadcast_tensors')(a, b)\n",
        "import pkgutil\nt = pkgutil.resolve_name('torch')\n"
        "def f(a, b):\n    return t.broadcast_tensors(a, b)\n",
    ],
)
def test_a_name_resolver_given_a_forbidden_name_is_that_api(source: str) -> None:
    assert [(kind, api) for _, kind, api in found(source, BROADCAST)] == [
        (DEFINITE, "torch.broadcast_tensors")
    ]


def test_a_name_resolver_given_a_computed_name_is_dynamic() -> None:
    source = "import pkgutil\ndef f(a, b, n):\n    return pkgutil.resolve_name(n)(a, b)\n"
    assert found(source, BROADCAST) == [(3, DYNAMIC, "resolve_name(<computed name>)")]


def test_a_forbidden_modules_function_under_a_private_path_is_that_function() -> None:
    """torch.func.vjp is torch._functorch.eager_transforms.vjp; torch.no_grad, which torch.autograd also
    holds, is torch's own top-level name and stays allowed."""
    source = "from torch._functorch.eager_transforms import vjp\ndef f(x):\n    return vjp(lambda t: t, x)\n"
    assert found(source) == [(3, DEFINITE, "torch._functorch.eager_transforms.vjp")]
    assert found("import torch\nwith torch.no_grad():\n    pass\ntorch.enable_grad\n") == []


def test_a_use_on_a_tensor_stays_definite_whatever_the_learners_classes_declare() -> None:
    source = (
        "import torch\nclass Decoy:\n    backward = grad = None\n"
        "def f(x):\n    y = torch.sin(x).sum()\n    y.backward()\n    return torch.zeros(2).T.grad\n"
    )
    assert found(source) == [(6, DEFINITE, "torch.Tensor.backward"), (7, DEFINITE, "torch.Tensor.T.grad")]


def test_the_learners_own_module_through_a_torch_method_stays_ambiguous() -> None:
    """nn.Module.to returns the learner's own module: its backward is theirs (the runtime trace decides)."""
    source = (
        "import torch\nclass M(torch.nn.Module):\n    def backward(self, g):\n        return g\n"
        "def f(x):\n    return M().to('cpu').backward(x)\n"
    )
    assert failing(source) == []


@pytest.mark.parametrize(
    "source",
    [
        "import torch\ndef f(x, name):\n    return getattr(torch, name)(x)\n",
        "import torch\ndef f(x, name):\n    return getattr(torch, '_'.join(['auto', name]))\n",
        "def f(code):\n    exec(code)\n",
        "def f(name):\n    return __import__(name)\n",
        "import torch\nR = {k: v for k, v in vars(torch).items() if k.startswith('auto')}\n",
        "import torch\ndef f(k):\n    return torch.Tensor.__dict__[k]\n",
        "def f(k):\n    return globals()[k]\n",
    ],
)
def test_code_built_at_run_time_is_dynamic(source: str) -> None:
    assert [kind for _, kind, _ in found(source)] == [DYNAMIC]


def test_a_computed_name_that_cannot_reach_a_forbidden_api_is_fine() -> None:
    """Config-driven code: torch.nn holds no optimizer and nothing of grader.datasets."""
    source = "from torch import nn\ndef make(cfg):\n    return getattr(nn, cfg['activation'])()\n"
    assert found(source, OPTIM) == []
    assert found(source, course.active().get("train_digits_classifier").forbidden) == []
    assert [kind for _, kind, _ in found(source)] == [DYNAMIC]  # torch.nn.grad is a module: it may


@pytest.mark.parametrize(
    ("source", "api"),
    [
        ("import sys\nsys.setprofile(None)\n", "sys.setprofile"),
        (
            "import torch\nf = torch._C._disabled_torch_function_impl\n",
            "torch._C._disabled_torch_function_impl",
        ),
        (
            "from torch.overrides import TorchFunctionMode\nclass M(TorchFunctionMode):\n    pass\n",
            "torch.overrides.TorchFunctionMode",
        ),
        ("import gc\nobjs = gc.get_objects()\n", "gc.get_objects"),
        ("import grader.gate.runtime as r\nr.Tracer = None\n", "grader.gate.runtime.Tracer"),
        (
            "def f():\n    try:\n        1 / 0\n    except ZeroDivisionError as e:\n"
            "        return e.__traceback__.tb_frame\n",
            ".tb_frame",
        ),
        ("import threading\nt = threading.Thread(target=print)\n", "threading.Thread"),
    ],
)
def test_means_to_switch_off_the_trace_are_tamper(source: str, api: str) -> None:
    assert TAMPER in {kind for _, kind, _ in found(source)}
    assert api in {a for _, _, a in found(source)}


def test_the_grader_datasets_helper_is_not_tamper() -> None:
    source = "from grader.datasets import digits_train\nimages, labels = digits_train()\n"
    assert found(source, course.active().get("train_digits_classifier").forbidden) == []


# -- helper modules ---------------------------------------------------------------------------------------


def write(root: Path, files: dict[str, str]) -> None:
    for relpath, text in files.items():
        (root / relpath).parent.mkdir(parents=True, exist_ok=True)
        (root / relpath).write_text(text, encoding="utf-8")


def test_helpers_are_resolved_through_the_learners_other_files(tmp_path: Path) -> None:
    exercise = course.active().get("mlp_backward")
    write(
        tmp_path,
        {
            "06_autograd/mlp_backward.py": "from layers import ReLU\nfrom compat import g\n"
            "def mlp_backward(x, W1, b1, W2, b2, y):\n    ReLU().backward(x)\n    return g(y, x)\n",
            "06_autograd/layers.py": "class ReLU:\n    def backward(self, d):\n        return d\n",
            "compat.py": "from torch.autograd import grad as g\n",  # at the tree's root
        },
    )
    analysis = analyze(exercise, tmp_path)
    assert analysis.files == ("06_autograd/layers.py", "06_autograd/mlp_backward.py", "compat.py")
    assert [(f.file, f.line, f.kind, f.api) for f in analysis.findings] == [
        ("06_autograd/mlp_backward.py", 5, DEFINITE, "torch.autograd.grad")
    ]


def test_two_trees_with_a_helper_of_the_same_name_do_not_share_it(tmp_path: Path) -> None:
    exercise = course.active().get("mlp_backward")
    main = "from ops import f\ndef mlp_backward(x, W1, b1, W2, b2, y):\n    return f(x)\n"
    write(tmp_path / "a", {"06_autograd/mlp_backward.py": main, "ops.py": "def f(x):\n    return x\n"})
    write(
        tmp_path / "b",
        {"06_autograd/mlp_backward.py": main, "ops.py": "from torch.autograd import grad as f\n"},
    )
    assert analyze(exercise, tmp_path / "a").findings == ()
    assert [f.api for f in analyze(exercise, tmp_path / "b").findings] == ["torch.autograd.grad"]


def test_analysis_is_cached_by_content(tmp_path: Path) -> None:
    exercise = course.active().get("mlp_backward")
    write(tmp_path, {"06_autograd/mlp_backward.py": "def mlp_backward(*a):\n    return a[0].grad\n"})
    first = analyze(exercise, tmp_path)
    assert analyze(exercise, tmp_path) is first
    write(tmp_path, {"06_autograd/mlp_backward.py": "def mlp_backward(*a):\n    return a[0]\n"})
    assert analyze(exercise, tmp_path).findings == ()


def test_assigning_a_tensors_grad_does_not_make_grad_the_learners_own() -> None:
    source = "def f(w, x):\n    w.grad = None\n    return w.grad\n"
    assert [(line, kind) for line, kind, _ in found(source)] == [(2, DEFINITE), (3, DEFINITE)]


def test_the_analysis_of_untrusted_code_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(static, "ANALYSIS_SECONDS", -1.0)
    assert found("import torch\nx = torch.ones(1)\n", MATMUL) == [(0, DYNAMIC, static.TIME_LIMIT)]


def _tree(tmp_path: Path, source: str) -> Path:
    exercise = course.active().get("matmul")
    path = tmp_path / exercise.relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source)
    return tmp_path


# astroid folds constants the way Python computes them: 16 cubings of a 20-digit number take hours
STALL = (
    "import torch\nif False:\n    x0 = 99999999999999999999\n"
    + "".join(f"    x{i + 1} = x{i} * x{i} * x{i}\n" for i in range(16))
    + "def matmul(a, b):\n    return a\n"
)


@pytest.fixture
def fresh_analysis_process():
    isolation.stop()
    yield
    isolation.stop()


def test_an_analysis_that_stalls_is_killed_at_its_deadline_and_fails_the_gate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_analysis_process
) -> None:
    monkeypatch.setattr(isolation, "SECONDS_PER_FILE", 3.0)
    started = time.monotonic()
    analysis = analyze(course.active().get("matmul"), _tree(tmp_path / "stall", STALL))
    assert time.monotonic() - started < 15
    assert [(f.kind, f.api) for f in analysis.failing] == [(DYNAMIC, static.TIME_LIMIT)]
    # the next exercise gets a new analysis process
    fine = _tree(tmp_path / "fine", "import torch\ndef matmul(a, b):\n    return torch.mm(a, b)\n")
    assert [f.api for f in analyze(course.active().get("matmul"), fine).findings] == ["torch.mm"]


def test_an_analysis_past_its_memory_limit_ends_long_before_its_deadline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_analysis_process
) -> None:
    """The folding needs ever bigger integers: with 1 MiB more than the fork held it cannot go on. Either
    the analysis process dies (the time-limit finding) or astroid gives that value up and goes on (the
    torch.mm built around it is found); the gate fails either way, well before the (raised) deadline."""
    monkeypatch.setattr(isolation, "MEMORY_BYTES", 1 << 20)
    monkeypatch.setattr(isolation, "SECONDS_PER_FILE", 120.0)
    source = STALL.replace("    return a\n", "    return getattr(torch, 'm' + str(x16)[:0] + 'm')(a, b)\n")
    started = time.monotonic()
    analysis = analyze(course.active().get("matmul"), _tree(tmp_path, source))
    assert time.monotonic() - started < 60
    assert {f.kind for f in analysis.failing} in ({DYNAMIC}, {DEFINITE})


def test_the_analysis_process_gives_what_the_analysis_here_gives(tmp_path: Path) -> None:
    source = "import torch\nimport numpy as np\ndef matmul(a, b):\n    return torch.mm(a, np.dot(b, b))\n"
    exercise, root = course.active().get("matmul"), _tree(tmp_path, source)
    assert analyze(exercise, root) == static.analyze_here(exercise, root, "test")


def test_pattern_validation() -> None:
    assert check_patterns(["@", ".mm", "torch.nn.functional.one_hot"]) == []
    assert check_patterns(["torch..mm", "a b"]) != []
