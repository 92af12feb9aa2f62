"""grader.gate.runtime: what the learner's code did while a graded call ran, as plain data.

Learner code is written to files under a temporary root (so its frames are the learner's); the calls made
from this test file stand for the grader's and the reference's own code, which never count."""

import importlib.util
import io
import itertools
import pickle
from pathlib import Path

import numpy as np
import pytest
import torch

from grader import course
from grader.cases import Case
from grader.gate import runtime
from grader.gate.runtime import Tracer
from grader.guards import ImplicitBroadcastWatch
from grader.harness import call, observe

AUTOGRAD = course.active().get("mlp_backward").forbidden
MATMUL = course.active().get("matmul").forbidden
CHECKPOINT = course.active().get("checkpoint").forbidden
_names = itertools.count()


def learner(tmp_path: Path, source: str, patterns=AUTOGRAD):
    """The learner's module, loaded from <tmp_path>/06_autograd/code.py after the wrappers are in."""
    runtime.prepare(patterns)
    path = tmp_path / "06_autograd" / "code.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(f"_learner_{next(_names)}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def traced(tmp_path: Path, fn, *args, patterns=AUTOGRAD) -> tuple[list[tuple], dict]:
    """((api, line, code) of every use or tamper record, the trace record) of one call."""
    tracer = Tracer(patterns, tmp_path)
    with tracer:
        fn(*args)
    *records, trace = tracer.evidence()
    return [(r["kind"], r["api"], r["line"], r["code"]) for r in records], trace


def test_autograd_uses_are_seen_with_the_learners_line(tmp_path: Path) -> None:
    code = learner(
        tmp_path,
        "import torch\n"
        "def f(x):\n"
        "    w = x.detach().requires_grad_()\n"
        "    (w * w).sum().backward()\n"
        "    return w.grad\n",
    )
    records, trace = traced(tmp_path, code.f, torch.ones(3))
    assert records == [
        ("use", "torch.Tensor.requires_grad_", 3, "w = x.detach().requires_grad_()"),
        ("use", "torch.Tensor.backward", 4, "(w * w).sum().backward()"),
        ("use", "torch.Tensor.grad.__get__", 5, "return w.grad"),
    ]
    assert trace == {"kind": "trace", "status": "ok", "detail": ""}


def test_a_learners_own_backward_and_grad_leave_no_record(tmp_path: Path) -> None:
    code = learner(
        tmp_path,
        "class ReLU:\n"
        "    def forward(self, x):\n        self.mask = x > 0\n        return x * self.mask\n"
        "    def backward(self, d):\n        self.grad = d * self.mask\n        return self.grad\n"
        "def f(x):\n    r = ReLU()\n    r.forward(x)\n    return r.backward(x)\n",
    )
    assert traced(tmp_path, code.f, torch.randn(4))[0] == []


@pytest.mark.parametrize(
    ("body", "api"),
    [
        ("getattr(w.sum(), 'back' + 'ward')()", "torch.Tensor.backward"),
        ("torch.func.grad(lambda t: (t * t).sum())(x)", "torch.autograd.grad"),
        ("exec('torch.autograd.grad((w * 2).sum(), w)')", "torch.autograd.grad"),
        ("torch.zeros(2, requires_grad=True)", "requires_grad=True"),
    ],
)
def test_dynamic_and_indirect_uses_are_seen(tmp_path: Path, body: str, api: str) -> None:
    code = learner(
        tmp_path, f"import torch\ndef f(x):\n    w = x.detach()\n    w.requires_grad = True\n    {body}\n"
    )
    records, _ = traced(tmp_path, code.f, torch.ones(3))
    assert ("use", api, 5, body) in records


def test_code_compiled_under_a_made_up_file_name_is_the_learners(tmp_path: Path) -> None:
    code = learner(
        tmp_path,
        "import torch\n"
        "CODE = compile('(w * w).sum().backward()', '<mine>', 'exec')\n"
        "def f(x):\n    exec(CODE, {'w': x.detach().requires_grad_()})\n",
    )
    records, _ = traced(tmp_path, code.f, torch.ones(2))
    assert ("use", "torch.Tensor.backward", 4, "exec(CODE, {'w': x.detach().requires_grad_()})") in records


def test_aliases_and_torch_functions_no_mode_sees_are_caught(tmp_path: Path) -> None:
    shapes = course.active().get("broadcast_shape").forbidden
    code = learner(
        tmp_path,
        "import torch\ndef f(a, b):\n    torch.spmm\n    return vars(torch)['mm'](a, b)\n"
        "def g(s, t):\n    return torch.broadcast_shapes(s, t)\n",
        MATMUL + shapes,
    )
    assert [
        r[:3] for r in traced(tmp_path, code.f, torch.ones(1, 1), torch.ones(1, 1), patterns=MATMUL)[0]
    ] == [
        ("use", "torch.mm", 4)  # torch names it torch.spmm, an alias
    ]
    records, _ = traced(tmp_path, code.g, (2, 1), (1, 3), patterns=shapes)
    assert [r[:3] for r in records] == [("use", "torch.broadcast_shapes", 6)]


def test_the_graders_and_the_references_own_uses_never_count(tmp_path: Path, monkeypatch) -> None:
    code = learner(tmp_path, "def f(fn):\n    return fn()\n")
    here = Path(__file__).resolve().parent
    monkeypatch.setattr(runtime, "_course_roots", lambda: (here,))  # this file stands for a course's spec

    def grader_callback():  # a spec's callback: this file is the grader's, not the learner's
        w = torch.ones(2, requires_grad=True)
        return torch.autograd.grad(w.sum(), w)

    assert traced(tmp_path, code.f, grader_callback)[0] == []


def test_a_spec_mode_between_the_learner_and_the_api_hides_nothing(tmp_path: Path) -> None:
    code = learner(tmp_path, "import torch\ndef f(a, b):\n    return torch.matmul(a, b)\n", MATMUL)

    def spec_runner(a, b):
        with ImplicitBroadcastWatch():
            return code.f(a, b)

    records, _ = traced(tmp_path, spec_runner, torch.ones(2, 2), torch.ones(2, 2), patterns=MATMUL)
    assert [r[:3] for r in records] == [("use", "torch.matmul", 3)]


def test_numpy_functions_bound_when_the_file_loads_are_seen(tmp_path: Path) -> None:
    code = learner(
        tmp_path,
        "from numpy import dot\nimport numpy as np\ndef f(a):\n    dot(a, a)\n    np.inner(a, a)\n",
        MATMUL,
    )
    records, _ = traced(tmp_path, code.f, np.ones(3), patterns=MATMUL)
    assert [r[:3] for r in records] == [("use", "numpy.dot", 4), ("use", "numpy.inner", 5)]


def test_numpy_ufuncs_and_operator_functions_however_obtained_are_seen(tmp_path: Path) -> None:
    """np.matmul is a ufunc (wrapped by a stand-in, with its methods); found by unpickling at import, when
    nothing is recorded, it is still the recording one."""
    code = learner(
        tmp_path,
        "import pickle\n"
        "mm = pickle.loads(b'cnumpy\\nmatmul\\n.')\n"
        "om = pickle.loads(b'coperator\\nmatmul\\n.')\n"
        "def f(a):\n    mm(a, a)\n    om(a, a)\n    return mm.outer\n",
        MATMUL,
    )
    records, trace = traced(tmp_path, code.f, np.ones((2, 2)), patterns=MATMUL)
    assert len(records) == 2 and records[0][:3] == ("use", "numpy.matmul", 5)
    kind, api, line, _ = records[1]  # operator.matmul is operator.__matmul__: either name
    assert (kind, line) == ("use", 6) and api in ("operator.matmul", "operator.__matmul__")
    assert trace["status"] == "ok"
    assert np.matmul.signature == "(n?,k),(k,m?)->(n?,m?)"  # the stand-in is the ufunc otherwise
    assert np.matmul(np.eye(2), np.ones(2)).tolist() == [1, 1]


def test_a_library_the_learner_legitimately_calls_may_use_a_forbidden_api_inside(tmp_path: Path) -> None:
    code = learner(
        tmp_path,
        "import pickle, torch\n"
        "def save(obj, f):\n    torch.save(obj, f)\n    f.seek(0)\n    return torch.load(f)\n"
        "def cheat(obj, f):\n    pickle.dump(obj, f)\n    return pickle.loads(pickle.dumps(torch.ones))\n",
        CHECKPOINT,
    )
    assert traced(tmp_path, code.save, {"w": torch.ones(2)}, io.BytesIO(), patterns=CHECKPOINT)[0] == []
    records, _ = traced(tmp_path, code.cheat, {"w": 1}, io.BytesIO(), patterns=CHECKPOINT)
    assert [r[:3] for r in records] == [
        ("use", "pickle.dump", 7),
        ("use", "pickle.dumps", 8),
        ("use", "pickle.loads", 8),
        ("use", "pickle.find_class", 8),  # the audit hook sees the unpickling too
    ]


def test_constructing_a_forbidden_python_class_is_seen(tmp_path: Path) -> None:
    optim = course.active().get("sgd_step").forbidden
    code = learner(tmp_path, "import torch\ndef f(p):\n    return torch.optim.SGD([p], lr=0.1)\n", optim)
    records, _ = traced(tmp_path, code.f, torch.nn.Parameter(torch.ones(1)), patterns=optim)
    assert [r[:3] for r in records] == [
        ("use", "torch.optim.SGD.__init__", 3),
        ("use", "torch.optim.Optimizer.__init__", 3),  # through SGD's super().__init__, inside torch
    ]


# -- code run out of the record's sight is refused ------------------------------------------------------

OUT_OF_SIGHT = (
    "import asyncio, threading, torch\n"
    "def apply(a, b):\n"
    "    torch.zeros(1).apply_(lambda v: (torch.matmul(a, b), v)[1])\n"
    "def hook(a, b):\n"
    "    x = torch.zeros((), requires_grad=True)\n"
    "    x.register_hook(lambda g: (torch.matmul(a, b), g)[1])\n"
    "    (x * 2).backward()\n"
    "class Carrier(torch.Tensor):\n"
    "    @classmethod\n"
    "    def __torch_function__(cls, func, types, args=(), kwargs=None):\n"
    "        return super().__torch_function__(func, types, args, kwargs)\n"
    "def handler(a, b):\n"
    "    return a.as_subclass(Carrier).add(b)\n"
    "def in_a_thread(a, b):\n"
    "    return asyncio.run(asyncio.to_thread(torch.matmul, a, b))\n"
    "POOL = asyncio.new_event_loop()\n"
    "POOL.run_until_complete(asyncio.to_thread(int))\n"
    "def mine(a, b):\n"
    "    return a.sum()\n"
    "def in_a_pooled_thread(a, b):\n"
    "    return POOL.run_until_complete(POOL.run_in_executor(None, mine, a, b))\n"
)


@pytest.mark.parametrize(
    ("name", "api", "line"),
    [
        ("apply", "callback", 3),
        ("hook", "callback", 6),
        ("handler", "Carrier.__torch_function__", 13),
        ("in_a_thread", "thread", 15),
        ("in_a_pooled_thread", "thread", 19),  # the learner's own function, running in the pool
    ],
)
def test_learner_code_run_where_the_record_cannot_see_is_recorded(
    tmp_path: Path, name: str, api: str, line: int
) -> None:
    code = learner(tmp_path, OUT_OF_SIGHT, MATMUL)
    records, trace = traced(
        tmp_path, getattr(code, name), torch.ones(2, 2), torch.ones(2, 2), patterns=MATMUL
    )
    assert ("unseen", api, line) in [r[:3] for r in records]
    assert trace["status"] == "ok"


def test_a_forbidden_torch_function_a_learners_thread_calls_is_recorded(tmp_path: Path) -> None:
    code = learner(
        tmp_path,
        "import queue, threading, torch\n"
        "JOBS, DONE = queue.Queue(), queue.Queue()\n"
        "def serve():\n"
        "    while True:\n"
        "        fn, args = JOBS.get()\n"
        "        DONE.put(fn(*args))\n"
        "threading.Thread(target=serve, daemon=True).start()\n"
        "def f(a, b):\n"
        "    JOBS.put((torch.matmul, (a, b)))\n"
        "    return DONE.get()\n",
        MATMUL,
    )
    records, _ = traced(tmp_path, code.f, torch.ones(2, 2), torch.ones(2, 2), patterns=MATMUL)
    assert ("unseen", "thread", 6) in [r[:3] for r in records]  # its loop, running while the call is traced


def test_callables_and_handlers_of_the_grader_and_torch_are_not_refused(tmp_path: Path, monkeypatch) -> None:
    code = learner(tmp_path, "import torch\ndef f(fn, p):\n    fn()\n    return (p * 2).sum()\n", MATMUL)
    here = Path(__file__).resolve().parent
    monkeypatch.setattr(runtime, "_course_roots", lambda: (here,))  # this file stands for a course's spec

    def grader_callback():
        torch.zeros(1).apply_(lambda v: v)

    parameter = torch.nn.Parameter(torch.ones(2))
    assert traced(tmp_path, code.f, grader_callback, parameter, patterns=MATMUL)[0] == []


# -- switching the trace off is seen ----------------------------------------------------------------------


def test_popping_the_torch_function_mode_breaks_the_trace(tmp_path: Path) -> None:
    code = learner(
        tmp_path, "import torch\ndef f(x):\n    torch._C._pop_torch_function_stack()\n    return x\n"
    )
    depth = torch._C._len_torch_function_stack()
    _, trace = traced(tmp_path, code.f, torch.ones(1))
    assert trace["status"] == "broken" and "mode_removed" in trace["detail"]
    assert torch._C._len_torch_function_stack() == depth  # the grader's own stack is left as it was


def test_a_mode_of_the_learners_own_that_swallows_calls_breaks_the_trace(tmp_path: Path) -> None:
    code = learner(
        tmp_path,
        "import torch\nfrom torch.overrides import TorchFunctionMode\n"
        "class Quiet(TorchFunctionMode):\n"
        "    def __torch_function__(self, func, types, args=(), kwargs=None):\n"
        "        with torch._C.DisableTorchFunction():\n            return func(*args, **(kwargs or {}))\n"
        "def f(x):\n    Quiet().__enter__()\n    return x\n",
    )
    depth = torch._C._len_torch_function_stack()
    _, trace = traced(tmp_path, code.f, torch.ones(1))
    assert trace["status"] == "broken" and "canary_unseen" in trace["detail"]
    assert torch._C._len_torch_function_stack() == depth


def test_removing_a_wrapper_breaks_the_trace(tmp_path: Path) -> None:
    code = learner(tmp_path, "import numpy\ndef unwrap(a):\n    numpy.dot = lambda x, y: 0\n", MATMUL)
    original = np.dot
    try:
        _, trace = traced(tmp_path, code.unwrap, np.ones(1), patterns=MATMUL)
    finally:
        np.dot = original
    assert "wrappers_removed" in trace["detail"]


def test_reaching_for_frames_or_hooks_is_recorded_as_tampering(tmp_path: Path) -> None:
    code = learner(
        tmp_path, "import sys\ndef f(x):\n    sys.setprofile(None)\n    return sys._getframe(1).f_locals\n"
    )
    records, trace = traced(tmp_path, code.f, 1)
    assert records == [
        ("tamper", "sys.setprofile", 3, "sys.setprofile(None)"),
        ("tamper", "sys._getframe", 4, "return sys._getframe(1).f_locals"),
    ]
    assert trace["status"] == "ok"  # the records say it; the gate fails on them


# -- through harness.observe ------------------------------------------------------------------------------


def test_observe_puts_plain_evidence_on_the_outcome(tmp_path: Path) -> None:
    code = learner(tmp_path, "def f(x):\n    x.sum().backward()\n    return x.grad\n")
    case = Case.of(x=torch.ones(2, requires_grad=True))
    outcome = observe(call, code.f, case, tmp_path, AUTOGRAD)
    assert [e.get("api") for e in outcome.evidence] == [
        "torch.Tensor.backward",
        "torch.Tensor.grad.__get__",
        None,
    ]
    assert outcome.evidence[-1] == {"kind": "trace", "status": "ok", "detail": ""}
    assert all(type(v) in (str, int) for record in outcome.evidence for v in record.values())
    assert observe(call, code.f, Case.of(x=torch.ones(2, requires_grad=True)), tmp_path).evidence == ()


def test_evidence_comes_back_when_the_learners_code_raises(tmp_path: Path) -> None:
    code = learner(tmp_path, "def f(x):\n    x.sum().backward()\n    raise ValueError('no')\n")
    outcome = observe(call, code.f, Case.of(x=torch.ones(2, requires_grad=True)), tmp_path, AUTOGRAD)
    assert outcome.error is not None and outcome.error.type == "ValueError"
    assert [e.get("api") for e in outcome.evidence] == ["torch.Tensor.backward", None]


def test_pickle_is_plain_data(tmp_path: Path) -> None:
    code = learner(tmp_path, "def f(x):\n    return x.grad\n")
    outcome = observe(call, code.f, Case.of(x=torch.ones(1)), tmp_path, AUTOGRAD)
    assert pickle.loads(pickle.dumps(outcome.evidence)) == outcome.evidence
