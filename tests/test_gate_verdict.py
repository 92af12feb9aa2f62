"""grader.gate.verdict: one verdict from the static findings and the runtime evidence, and the gate as the
runner and the pytest plugin run it (last, once the behaviour checks have gathered the evidence)."""

import re
from pathlib import Path

import pytest

from grader import course
from grader.gate.static import AMBIGUOUS, DEFINITE, DYNAMIC, TIME_LIMIT, Analysis, Finding
from grader.gate.verdict import EvidenceLog, decide, read_evidence
from grader.runner import FORBIDDEN_CHECK, Settings, check_names, run_exercise

OK = {"kind": "trace", "status": "ok", "detail": ""}
FILE = "06_autograd/mlp_backward.py"
CJK = re.compile(r"[\u4e00-\u9fff]")


def use(line: int, api: str = "torch.Tensor.backward", file: str = FILE) -> dict:
    return {
        "kind": "use",
        "api": api,
        "pattern": ".backward",
        "file": file,
        "line": line,
        "code": "loss.backward()",
    }


def log_of(*calls: list[dict]) -> EvidenceLog:
    log = EvidenceLog(traced=True)
    for evidence in calls:
        log.add(evidence)
    return log


def rendered(analysis: Analysis, log: EvidenceLog | None = None, lang: str = "en") -> str | None:
    problem = decide(analysis, log, FILE)
    return None if problem is None else problem.render(lang)


AMBIGUOUS_AT_7 = Analysis((Finding(FILE, 7, "layer.backward", AMBIGUOUS, ".backward", ".backward"),))


def test_an_ambiguous_finding_alone_passes_and_counts_once_the_trace_confirms_it() -> None:
    assert rendered(AMBIGUOUS_AT_7, log_of([OK])) is None
    assert rendered(AMBIGUOUS_AT_7, log_of([use(9), OK])) == (
        "line 9: while your code ran, `loss.backward()` called `torch.Tensor.backward`, which is not allowed"
        " in this exercise (the point is to build it yourself)"
    )


def test_definite_and_dynamic_findings_fail_with_their_line_and_code_in_both_languages() -> None:
    analysis = Analysis(
        (
            Finding(FILE, 3, "g(y, x)", DEFINITE, "torch.autograd.grad", "torch.autograd"),
            Finding("06_autograd/helpers.py", 5, "getattr(torch, name)", DYNAMIC, "getattr(<computed name>)"),
        )
    )
    en = rendered(analysis, log_of([use(3), OK])).splitlines()
    assert en[0].startswith("line 3: `g(y, x)` is `torch.autograd.grad`, which is not allowed")
    assert en[1].startswith("06_autograd/helpers.py, line 5: `getattr(torch, name)` works out at run time")
    assert len(en) == 2  # the runtime use at line 3 is the static finding's, shown once
    zh = rendered(analysis, log_of([OK]), "zh")
    assert "第 3 行" in zh and CJK.search(zh)


@pytest.mark.parametrize(
    ("api", "en", "zh"),
    [
        ("callback", "that torch calls back", "回调"),
        ("thread", "in another thread", "线程"),
        ("thread: torch.matmul", "in another thread", "线程"),
        ("process", "in another process", "进程"),
        ("Carrier.__torch_function__", "in a `__torch_function__` of your own Tensor subclass", "子类"),
    ],
)
def test_code_run_out_of_the_records_sight_fails_the_gate_saying_how(api: str, en: str, zh: str) -> None:
    unseen = use(4, api) | {"kind": "unseen", "pattern": "", "code": "pool.submit(f)"}
    text = rendered(Analysis(), log_of([unseen, OK]))
    assert text.startswith("line 4: while your code ran, `pool.submit(f)` ran code " + en)
    assert "cannot see which APIs it calls" in text
    assert zh in rendered(Analysis(), log_of([unseen, OK]), "zh")


@pytest.mark.parametrize(
    "evidence",
    [
        [],  # nothing came back
        [use(1)],  # no trace record
        [OK, use(1)],  # the trace record must come last
        [use(1) | {"line": "1"}, OK],  # wrong type
        [use(1) | {"extra": 1}, OK],  # unknown key
        [{"kind": "trace", "status": "ok", "detail": "mode_removed"}],  # ok with a problem
        [{"kind": "trace", "status": "broken", "detail": "made up"}],
        "not a list",
    ],
)
def test_missing_or_malformed_evidence_breaks_the_gate(evidence) -> None:
    (record,) = read_evidence(evidence)
    assert record["status"] == "broken"
    text = rendered(Analysis(), log_of(evidence))
    assert text is not None and "switched off or tampered with" in text


def test_a_file_too_convoluted_to_check_in_time_fails_with_its_own_message() -> None:
    analysis = Analysis((Finding(FILE, 0, "", DYNAMIC, TIME_LIMIT),))
    assert rendered(analysis).startswith(f"{FILE}: the grader could not finish checking")


def test_a_broken_trace_fails_the_gate_with_what_broke() -> None:
    text = rendered(
        Analysis(), log_of([{"kind": "trace", "status": "broken", "detail": "mode_removed"}]), "zh"
    )
    assert "TorchFunctionMode" in text and CJK.search(text)


def test_an_untraced_learner_is_judged_on_its_files_alone() -> None:
    log = EvidenceLog(traced=False)
    log.add(())
    assert rendered(AMBIGUOUS_AT_7, log) is None


# -- the gate in the runner and the plugin ----------------------------------------------------------------

# Every use of autograd here is ambiguous on its own (the learner's Param class has its own
# requires_grad_, backward and grad): only the runtime trace can tell that the tensors' were called.
CONFIRMED_ONLY_AT_RUN_TIME = """
import torch


class Param:
    def __init__(self, value):
        self.value, self.grad = value, None

    def requires_grad_(self):
        return self

    def backward(self):
        return None


def mlp_backward(x, W1, b1, W2, b2, y):
    params = [p.detach().clone().requires_grad_() for p in (W1, b1, W2, b2)]
    w1, c1, w2, c2 = params
    loss = ((torch.relu(x @ w1 + c1) @ w2 + c2 - y) ** 2).mean()
    loss.backward()
    return dict(zip(["W1", "b1", "W2", "b2"], [p.grad for p in params]))
"""


def tree(tmp_path: Path, source: str) -> Path:
    path = tmp_path / "06_autograd" / "mlp_backward.py"
    path.parent.mkdir(parents=True)
    path.write_text(source, encoding="utf-8")
    return tmp_path


def test_run_exercise_fails_the_gate_on_runtime_evidence_and_lists_it_first(tmp_path: Path) -> None:
    exercise = course.active().get("mlp_backward")
    result = run_exercise(exercise, tree(tmp_path, CONFIRMED_ONLY_AT_RUN_TIME), Settings(max_examples=3))
    gate = result.checks[0]
    assert gate.check == FORBIDDEN_CHECK and gate.status == "failed" and result.score == 0
    text = gate.failure.problem.render("en")
    assert "line 20: while your code ran, `loss.backward()` called `torch.Tensor.backward`" in text
    assert all(c.status == "passed" for c in result.checks[1:])  # only the gate knows


def test_run_exercise_passes_a_learners_own_backward(tmp_path: Path) -> None:
    own = CONFIRMED_ONLY_AT_RUN_TIME.replace(
        "    params = [p.detach().clone().requires_grad_() for p in (W1, b1, W2, b2)]\n", ""
    )
    own = (
        own.split("def mlp_backward")[0]
        + (Path(__file__).parent / "submissions/mlp_backward/right_einsum.py").read_text()
    )
    result = run_exercise(course.active().get("mlp_backward"), tree(tmp_path, own), Settings(max_examples=3))
    assert result.status == "passed", [c.failure.problem.render("en") for c in result.checks if c.failure]


def test_the_gate_alone_still_gathers_the_runtime_evidence(tmp_path: Path) -> None:
    exercise = course.active().get("mlp_backward")
    result = run_exercise(
        exercise, tree(tmp_path, CONFIRMED_ONLY_AT_RUN_TIME), Settings(max_examples=3), only={FORBIDDEN_CHECK}
    )
    assert [c.check for c in result.checks] == [FORBIDDEN_CHECK] and result.checks[0].status == "failed"


def test_the_plugin_runs_the_gate_last(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).resolve().parent.parent))
    tree(pytester.path, CONFIRMED_ONLY_AT_RUN_TIME)
    result = pytester.runpytest(
        "-p", "grader.plugin", "-v", "--grader-max-examples", "3", "-p", "no:cacheprovider"
    )
    ran = [
        line.split("::")[1].split(" ")[0]
        for line in result.stdout.lines
        if line.startswith("06_autograd/mlp_backward.py::") and (" PASSED " in line or " FAILED " in line)
    ]
    names = check_names(course.active().get("mlp_backward"))
    assert ran[-1] == FORBIDDEN_CHECK and sorted(ran) == sorted(names)
    assert "called `torch.Tensor.backward`" in result.stdout.str()
