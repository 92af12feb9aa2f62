"""Every fact a verdict rests on is established where learner code cannot reach it (issue 17, item 2).

The built-in course's checks that looked inside the learner's process now send raw readings, judged here;
these tests feed the judges forged or honest readings directly, and check the runner hands a clocked judge
the trusted side's own time.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from grader import course
from grader.cases import Case
from grader.harness import Outcome
from grader.runner import judge, load_checks


def spec(name: str):
    return course.spec_module(course.active().by_id()[name])


def check(exercise: str, name: str):
    return next(c for c in load_checks(course.active().by_id()[exercise]) if c.name == name)


def test_a_clocked_judge_gets_the_trusted_sides_seconds_and_others_do_not() -> None:
    clocked = check("time_on_device", "excludes_warmup")
    case = clocked.examples[0]
    schedule = case["fn"].scheduled_seconds()
    assert judge(clocked, case, Outcome(), Outcome(value=0.005, seconds=schedule + 0.002)) is None
    # the answer of a correct timer, but the call took no time: fn was never called
    assert "not called" in judge(clocked, case, Outcome(), Outcome(value=0.005, seconds=0.001)).render("en")
    plain = check("broadcast_add", "broadcasts_explicitly")
    assert plain.clocked is False


def test_time_on_device_judge_follows_the_parents_clock_on_a_loaded_machine() -> None:
    about = spec("time_on_device").about_the_median
    case = check("time_on_device", "excludes_warmup").examples[0]  # 3 x 30 ms, then 5, 5, 5 ms
    scheduled = case["fn"].scheduled_seconds()
    late = 0.026  # two of the three timed calls woke 13 ms late: the median moved by 13 ms
    assert about(case, 0.005 + 0.013, scheduled + late) is None
    assert about(case, 0.005 + 0.013, scheduled + late / 2) is not None  # one late call cannot move it
    assert about(case, 0.005 + 0.013, scheduled) is not None  # no such delay seen: too long an answer
    assert about(case, 0.0175, scheduled) is not None  # the mean of every call, warm-up included
    assert "Python float" in about(case, torch.tensor(0.005), scheduled).render("en")


def test_the_sleepy_fixture_keeps_no_measurement() -> None:
    sleepy = check("time_on_device", "excludes_warmup").examples[0]["fn"]
    assert not hasattr(sleepy, "slept")


def test_to_tensor_shared_is_judged_from_readings_not_from_the_childs_word() -> None:
    shares = spec("to_tensor_shared").shares_both_ways
    a = np.arange(6.0).reshape(2, 3)
    case = Case.of(a=a)
    honest = {
        "type": "Tensor",
        "shape": (2, 3),
        "tensor_after_array_write": a + 1,
        "array_after_tensor_write": a + 2,
    }
    assert shares(case, honest) is None
    copy = dict(honest, tensor_after_array_write=a, array_after_tensor_write=a + 1)
    assert "copy" in shares(case, copy).render("en")
    # a verdict the child computed is not a reading: the judge ignores it
    assert shares(case, {"type": "Tensor", "shape": (2, 3), "array_to_tensor": True, "tensor_to_array": True})
    assert "torch.Tensor" in shares(case, {"type": "list"}).render("en")


def test_the_run_reads_through_what_the_learner_cannot_rebind() -> None:
    module = spec("to_tensor_shared")
    a = np.arange(6.0).reshape(2, 3)
    real = np.array_equal, torch.Tensor.numpy
    np.array_equal, torch.Tensor.numpy = (lambda *x, **k: True), (lambda self, *x, **k: a)
    try:
        seen = module.write_both_ways(
            lambda arr: torch.stack([torch.from_numpy(arr)])[0], Case.of(a=a.copy())
        )
    finally:
        np.array_equal, torch.Tensor.numpy = real
    assert "copy" in module.shares_both_ways(Case.of(a=a), seen).render("en")


def test_broadcast_add_judge_needs_a_watch_that_still_refused() -> None:
    no_implicit = spec("broadcast_add").no_implicit_broadcast
    case = Case.of(a=torch.ones(2, 3), b=torch.ones(3))
    right = torch.full((2, 3), 2.0)
    assert no_implicit(case, {"result": right, "canary": "refused"}) is None
    assert "switched it off" in no_implicit(case, {"result": right, "canary": "ran"}).render("en")
    refused = no_implicit(case, {"refused": ("torch.Tensor.add", ((2, 3), (3,)))}).render("en")
    assert "(2, 3) & (3,)" in refused
    # whatever the learner raised as a refusal, the judge says so without breaking
    assert no_implicit(case, {"refused": ("x",)}) is not None
    assert no_implicit(case, {"refused": 3}) is not None


@pytest.mark.parametrize("correct", [True, False])
def test_held_out_accuracy_is_scored_against_the_parents_labels(correct: bool) -> None:
    module = spec("train_digits_classifier")
    _, labels = module.digits_held_out()
    logits = np.zeros((len(labels), module.DIGITS_CLASSES), dtype=np.float32)
    logits[np.arange(len(labels)), labels.numpy() if correct else (labels.numpy() + 1) % 10] = 1
    observed = {"rows": len(labels), "batch": {"type": "torch.Tensor"}, "logits": logits, "seconds": 1.0}
    verdict = module.reaches_accuracy(Case.of(seed=0), observed)
    assert (verdict is None) == correct
    # an accuracy the child computed is not a reading: the judge ignores it
    forged = {"type": "Net", "accuracy": 1.0, "rows": len(labels)}
    assert module.reaches_accuracy(Case.of(seed=0), forged) is not None
