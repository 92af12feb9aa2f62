"""grader.harness: the learner's call is observed, never judged."""

import numpy as np
import pytest
import torch

from grader.cases import Case
from grader.harness import call, observe


def test_value_is_recorded() -> None:
    outcome = observe(call, lambda a: a * 2, Case.of(a=torch.ones(2)))
    assert torch.equal(outcome.value, torch.full((2,), 2.0)) and outcome.error is None


def test_mutation_is_detected_and_named() -> None:
    def bad(a, b):
        a += b
        return a

    outcome = observe(call, bad, Case.of(a=torch.ones(2), b=torch.ones(2)))
    assert outcome.mutated == ("a",) and outcome.aliased == ("a",)


def test_view_of_an_input_is_an_alias() -> None:
    outcome = observe(call, lambda x: x[1:], Case.of(x=torch.arange(4.0)))
    assert outcome.aliased == ("x",) and outcome.mutated == ()
    outcome = observe(call, lambda a: a.reshape(-1), Case.of(a=np.arange(4.0)))
    assert outcome.aliased == ("a",)
    assert observe(call, lambda x: x.clone(), Case.of(x=torch.arange(4.0))).aliased == ()


def test_errors_keep_only_learner_frames(tmp_path) -> None:
    learner = tmp_path / "mine.py"
    learner.write_text("def f(x):\n    return x.no_such_method()\n")
    namespace: dict = {}
    exec(compile(learner.read_text(), str(learner), "exec"), namespace)
    outcome = observe(call, namespace["f"], Case.of(x=torch.ones(1)), tmp_path)
    assert outcome.error.type == "AttributeError"
    assert "mine.py" in outcome.error.where and "harness.py" not in outcome.error.where


def test_not_implemented_and_system_exit_are_caught() -> None:
    def stub(x):
        raise NotImplementedError

    def quitter(x):
        raise SystemExit(0)

    assert observe(call, stub, Case.of(x=1)).not_implemented
    assert observe(call, quitter, Case.of(x=1)).error.type == "SystemExit"


def test_the_run_is_timed_by_the_trusted_side() -> None:
    import time

    outcome = observe(lambda fn, case: fn(), lambda: time.sleep(0.02), Case.of())
    assert 0.02 <= outcome.seconds < 1


def test_read_values_reads_what_the_tensor_holds_whatever_torch_tensor_says() -> None:
    """A submission rebinds torch.Tensor's methods (a Python class) and a mode hands even a C method's call
    to them: read_values goes through torch's C type with every mode off, so neither lies to it."""
    from torch.overrides import TorchFunctionMode

    from grader.harness import read_values

    class Lying(TorchFunctionMode):
        def __torch_function__(self, func, types, args=(), kwargs=None):
            return torch.full((2,), 7.0)

    x = torch.arange(2.0)
    real = torch.Tensor.numpy
    torch.Tensor.numpy = lambda self, *a, **k: np.full(2, 7.0)
    try:
        with Lying():
            values = read_values(x)
            lied = x.detach()  # what the mode hands everyone else
        assert x.numpy()[0] == 7.0  # and the rebound method
        assert lied.tolist() == [7.0, 7.0]
    finally:
        torch.Tensor.numpy = real
    assert type(values) is np.ndarray and values.tolist() == [0.0, 1.0]
    assert read_values(torch.ones(2, requires_grad=True).t()).tolist() == [1.0, 1.0]


def test_a_learner_that_dies_while_hypothesis_replays_a_case_gets_its_fault_back() -> None:
    """A learner's process that crashed on a case fails otherwise when Hypothesis replays it (the
    connection is gone): Hypothesis calls that flaky, and the crash must still be the learner's, never an
    error of the grader's (it escaped run_exercise: rebinds_the_comparison_a_check_runs_in_its_process)."""
    from hypothesis import strategies as st

    from grader.harness import LearnerFault
    from grader.runner import Settings, _search
    from grader.spec import Holds

    calls: list[int] = []

    def evaluate(case: Case) -> None:
        calls.append(case["x"])
        if len(calls) == 1:
            raise LearnerFault("crashed", "the learner's process sent a malformed answer")
        raise LearnerFault("crashed", "the learner's process is gone")  # another line: Hypothesis sees two

    check = Holds(
        name="c",
        points=1,
        judge=lambda case, seen: None,
        cases=st.builds(lambda x: Case.of(x=x), st.integers()),
    )
    with pytest.raises(LearnerFault, match=r"malformed|gone"):
        _search(check, evaluate, Settings(max_examples=5, seed=0))
