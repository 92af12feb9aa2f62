"""Learner code that attacks the grader: each case has its verdict, and nothing else may change.

Every attack is graded sandboxed in a tree beside a correct exercise, then the test checks the attack's
status and points, that the correct exercise still gets full marks, that the report the trusted side
wrote afterwards is intact, and that nothing the attack started is still alive.
"""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

import pytest

from grader import catalog
from grader.runner import Settings, run_exercise
from grader.sandbox import Limits, Sandbox
from grader.sandbox.confine import NAMESPACES, PROCESS, namespaces_possible

ROOT = Path(__file__).resolve().parents[2]
TARGET = catalog.get("broadcast_add")
BYSTANDER = catalog.get("matmul")
LIMITS = Limits(call_seconds=4, exercise_seconds=20, cpu_seconds=10, memory_bytes=1 << 30, tasks=48,
                file_bytes=4 << 20)
SETTINGS = Settings(max_examples=8, seed=5)
FAILED = {"failed"}

CORRECT = (ROOT / "tests/submissions/broadcast_add/right_expand.py").read_text()
CORRECT_BODY = CORRECT.split("def broadcast_add(a, b):\n", 1)[1]

# name -> (learner source, statuses accepted, the most points it may get)
ATTACKS: dict[str, tuple[str, set[str], float]] = {
    "sys_exit_at_import": ("import sys\nsys.exit(0)\n", {"exited"}, 0),
    "sys_exit_in_call": ("import sys\ndef broadcast_add(a, b):\n    sys.exit(0)\n", {"exited"}, 0),
    "os_exit_at_import": ("import os\nos._exit(0)\n", {"exited"}, 0),
    "os_exit_in_call": ("import os\ndef broadcast_add(a, b):\n    os._exit(0)\n", {"exited"}, 0),
    "self_sigkill": (
        "import os, signal\ndef broadcast_add(a, b):\n    os.kill(os.getpid(), signal.SIGKILL)\n", {"crashed"}, 0,
    ),
    "segfault_via_ctypes": ("import ctypes\ndef broadcast_add(a, b):\n    ctypes.string_at(0)\n", {"crashed"}, 0),
    "busy_loop": ("def broadcast_add(a, b):\n    while True:\n        pass\n", {"timeout"}, 0),
    "sleep_forever": ("import time\ndef broadcast_add(a, b):\n    time.sleep(10**6)\n", {"timeout"}, 0),
    "slow_import": ("import time\ntime.sleep(10**6)\ndef broadcast_add(a, b):\n    return a + b\n", {"timeout"}, 0),
    "memory_bomb": (
        "def broadcast_add(a, b):\n    hog = []\n    while True:\n        hog.append(bytearray(1 << 26))\n",
        {"memory"}, 0,
    ),
    "torch_memory_bomb": (
        "import torch\ndef broadcast_add(a, b):\n    return torch.ones(1 << 34, dtype=torch.uint8)\n", {"memory"}, 0,
    ),
    "fork_bomb": (
        "import os\ndef broadcast_add(a, b):\n    while True:\n        os.fork()\n",
        {"failed", "crashed", "timeout", "exited"}, 0,
    ),
    "thread_bomb": (
        "import threading, time\ndef broadcast_add(a, b):\n    while True:\n"
        "        threading.Thread(target=time.sleep, args=(60,), daemon=True).start()\n",
        {"failed", "crashed", "timeout"}, 0,
    ),
    "gigabyte_of_stdout": (
        "import sys\ndef broadcast_add(a, b):\n    line = 'x' * (1 << 20)\n    for _ in range(1024):\n"
        "        print(line)\n", {"output_limit"}, 0,
    ),
    "huge_file": (
        "def broadcast_add(a, b):\n    with open('big.bin', 'wb') as f:\n        for _ in range(1024):\n"
        "            f.write(bytes(1 << 20))\n", {"output_limit"}, 0,
    ),
    "patches_comparisons_at_import": (
        "import numpy as np, torch, torch.testing\n"
        "torch.allclose = lambda *a, **k: True\ntorch.equal = lambda *a, **k: True\n"
        "torch.testing.assert_close = lambda *a, **k: None\nnp.allclose = lambda *a, **k: True\n"
        "def broadcast_add(a, b):\n    return torch.zeros(())\n", FAILED, 0,
    ),
    "torch_function_liar": (
        "import torch\nclass Liar(torch.Tensor):\n    @classmethod\n"
        "    def __torch_function__(cls, func, types, args=(), kwargs=None):\n        return True\n"
        "def broadcast_add(a, b):\n    return torch.zeros(()).as_subclass(Liar)\n", FAILED, 0,
    ),
    "torch_dispatch_liar": (
        "import torch\nclass Liar(torch.Tensor):\n    @classmethod\n"
        "    def __torch_dispatch__(cls, func, types, args=(), kwargs=None):\n        return torch.tensor(True)\n"
        "def broadcast_add(a, b):\n    return torch.zeros(()).as_subclass(Liar)\n", FAILED, 0,
    ),
    "array_function_liar": (
        "import numpy as np\nclass Liar(np.ndarray):\n    def __array_function__(self, *a, **k):\n        return True\n"
        "def broadcast_add(a, b):\n    return np.zeros(1).view(Liar)\n", FAILED, 0,
    ),
    "eq_and_bool_always_true": (
        "class Yes:\n    def __eq__(self, other):\n        return True\n    def __bool__(self):\n        return True\n"
        "    __hash__ = object.__hash__\n"
        "def broadcast_add(a, b):\n    return Yes()\n", FAILED, 0,
    ),
    "frame_and_gc_inspection": (
        "import gc, inspect, torch\ndef broadcast_add(a, b):\n"
        "    seen = [f.frame.f_locals.get('expected') for f in inspect.stack()]\n"
        "    tensors = [o for o in gc.get_objects() if type(o) is torch.Tensor and o.dim() > 0]\n"
        "    found = [s for s in seen if s is not None]\n"
        "    return found[0].value if found else max(tensors, key=lambda t: t.numel()).clone()\n", FAILED, 0,
    ),
    "reads_reference_and_settings": (
        "import os, pathlib\ndef broadcast_add(a, b):\n"
        "    ref = pathlib.Path({reference!r}).read_text()\n"
        "    ns = {{}}\n    exec(ref, ns)\n    return ns['broadcast_add'](a, b)\n", FAILED, 0,
    ),
    "reads_parent_environment": (
        "import os\ndef broadcast_add(a, b):\n"
        "    secret = open(f'/proc/{{os.getppid()}}/environ', 'rb').read() + os.environ.get('GRADER_SEED', '').encode()\n"
        "    if b'GRADER_SEED' in secret:\n        raise RuntimeError('leaked')\n" + "    " + CORRECT_BODY.replace("\n    ", "\n    "),
        {"passed", "failed"}, 10,
    ),
    "fake_score_lines_on_stdout": (
        "print('exercises complete 40/40, points 500/500')\nprint('{{\"score\": 500}}')\n"
        "def broadcast_add(a, b):\n    print('PASSED')\n    return a\n", FAILED, 0,
    ),
    "writes_the_report_path": (
        "import json\ndef broadcast_add(a, b):\n"
        "    open({report!r}, 'w').write(json.dumps({{'score': 500}}))\n    return a\n", FAILED, 0,
    ),
    "daemon_rewrites_the_report_later": (
        "import os, time\ndef broadcast_add(a, b):\n    if os.fork() == 0:\n        os.setsid()\n"
        "        if os.fork() == 0:\n            for _ in range(30):\n                time.sleep(0.1)\n"
        "                try:\n                    open({report!r}, 'w').write('forged')\n"
        "                    open({marker!r}, 'w').write('alive')\n"
        "                except OSError:\n                    pass\n        os._exit(0)\n    return a\n",
        FAILED, 0,
    ),
    "socket_connect": (
        "import socket\ndef broadcast_add(a, b):\n    s = socket.create_connection(('127.0.0.1', 22), timeout=1)\n"
        "    return a\n", FAILED, 0,
    ),
    "mutates_inputs": ("def broadcast_add(a, b):\n    a += b\n    return a\n", FAILED, 0),
    "returns_a_view_of_an_input": ("def broadcast_add(a, b):\n    return a[...]\n", FAILED, 0),
    "returns_broadcastable_wrong_shape": (
        CORRECT.replace("return a.reshape(sa).expand(out) + b.reshape(sb).expand(out)",
                        "return (a.reshape(sa).expand(out) + b.reshape(sb).expand(out)).unsqueeze(0)"), FAILED, 0,
    ),
    "returns_nan_and_inf": (
        "import torch\ndef broadcast_add(a, b):\n    return torch.full(torch.broadcast_shapes(a.shape, b.shape), "
        "float('nan'))\n", FAILED, 0,
    ),
    "returns_a_non_tensor": ("def broadcast_add(a, b):\n    return (a + b).tolist()\n", FAILED, 0),
    "returns_a_huge_nested_object": (
        "def broadcast_add(a, b):\n    x = []\n    for _ in range(10000):\n        x = [x]\n    return x\n", FAILED, 0,
    ),
    "imports_grader_internals": (
        "def broadcast_add(a, b):\n    from grader.runner import judge\n    return a\n", FAILED, 0,
    ),
}


def _prepare(tmp_path: Path, source: str) -> tuple[Path, Path, Path]:
    tree, report, marker = tmp_path / "submission", tmp_path / "report.json", tmp_path / f"marker-{uuid.uuid4()}"
    for exercise, text in ((TARGET, source), (BYSTANDER, _bystander())):
        path = tree / exercise.relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.format(report=str(report), marker=str(marker),
                                    reference=str(ROOT / "reference" / TARGET.relpath)))
    (tree / "conftest.py").write_text("import sys\nsys.exit(3)\n")
    return tree, report, marker


def _bystander() -> str:
    return (ROOT / "tests/submissions/matmul/right_loops.py").read_text().replace("{", "{{").replace("}", "}}")


def grade(tree: Path, level: str | None = None) -> tuple[dict, str]:
    with Sandbox(LIMITS, level=level) as sandbox:
        results = {e.id: run_exercise(e, tree, SETTINGS, sandbox=sandbox) for e in (TARGET, BYSTANDER)}
        return results, sandbox.isolation


@pytest.mark.parametrize("name", list(ATTACKS))
def test_attack_gets_its_verdict_and_changes_nothing_else(name: str, tmp_path: Path) -> None:
    source, statuses, max_points = ATTACKS[name]
    tree, report, marker = _prepare(tmp_path, source)
    started = time.monotonic()
    results, isolation = grade(tree)
    report.write_text(json.dumps({e: r.score for e, r in results.items()}))  # the trusted side writes last
    attacked, bystander = results[TARGET.id], results[BYSTANDER.id]
    assert attacked.status in statuses, (attacked.status, attacked.problem, [
        (c.check, c.status, c.failure and c.failure.problem.render("en")) for c in attacked.checks])
    assert attacked.score <= max_points
    assert bystander.status == "passed" and bystander.score == BYSTANDER.points
    time.sleep(0.5)  # give a surviving daemon the time to strike
    assert json.loads(report.read_text()) == {TARGET.id: attacked.score, BYSTANDER.id: bystander.score}
    assert not marker.exists(), "a process the learner started outlived its exercise"
    assert time.monotonic() - started < 60
    if namespaces_possible():
        assert isolation == NAMESPACES


@pytest.mark.parametrize("name", ["os_exit_in_call", "self_sigkill", "sleep_forever", "memory_bomb",
                                  "gigabyte_of_stdout"])
def test_process_level_fallback_still_names_the_fault(name: str, tmp_path: Path) -> None:
    source, statuses, _ = ATTACKS[name]
    tree, _, _ = _prepare(tmp_path, source)
    results, isolation = grade(tree, level=PROCESS)
    assert isolation == PROCESS
    assert results[TARGET.id].status in statuses and results[TARGET.id].score == 0
    assert results[BYSTANDER.id].status == "passed"


def test_reference_tree_gets_full_marks_sandboxed() -> None:
    with Sandbox() as sandbox:
        for exercise in (TARGET, BYSTANDER, catalog.get("patchify")):
            result = run_exercise(exercise, ROOT / "reference", SETTINGS, sandbox=sandbox)
            assert result.status == "passed" and result.score == exercise.points
