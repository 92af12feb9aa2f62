"""Run a :class:`~grader.spec.Races` check: the trusted side drives the race, holds the clock and checks
every timed output; the learner's code only makes the calls.

The arguments of every call come from a generator seeded by the operating system (:mod:`secrets`): a
submission that reads our source still cannot predict them, so it cannot have answers ready. Each timed
call's output is checked before its time counts (a cached or skipped result fails, whatever its speed);
speedup, spread and verdict come from :mod:`grader.timing`. An inconclusive race is a skip.
"""

from __future__ import annotations

import itertools
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import torch

from grader import timing
from grader.harness import MUTATED, RAISED, LearnerError
from grader.i18n import Msg, lines, say
from grader.spec import Races

TIMED_CALL = say("timed call {count} (fresh inputs):", "第 {count} 次计时调用（新的输入）：")
NOT_FAST_ENOUGH = say(
    "not fast enough: at least {needed}x faster than {baseline} is needed.\n{timing}",
    "速度不够：需要比{baseline}快至少 {needed} 倍。\n{timing}",
)
INCONCLUSIVE = say(
    "inconclusive timing (too noisy to tell against {needed}x, after {rounds} rounds): not counted either"
    " way.\n{timing}",
    "计时无法判定（噪声太大，{rounds} 轮后仍无法与 {needed} 倍比较）：不计分也不算失败。\n{timing}",
)


@dataclass(frozen=True)
class TimedCall:
    """One timed call, as the learner's handle measured it (in-process or sandboxed)."""

    seconds: float
    value: Any = None  # the output as ``Races.summarise`` reduced it
    error: LearnerError | None = None
    inputs_changed: bool = False  # the call wrote into its arguments


@dataclass(frozen=True)
class RaceOutcome:
    problem: Msg | None = None  # the check failed: a wrong timed output, an error, or too slow
    skip: Msg | None = None  # the timing was inconclusive
    timing: Mapping[str, Any] | None = None
    learner_where: str = ""


class _Stop(Exception):
    def __init__(self, problem: Msg, where: str = "") -> None:
        super().__init__(problem.en)
        self.problem, self.where = problem, where


def run_race(check: Races, learner: Any) -> RaceOutcome:
    """Race ``learner`` (in-process or sandboxed: anything with ``timed_call``) against the baseline."""
    generator = torch.Generator().manual_seed(secrets.randbits(63))
    calls = itertools.count(1)

    def timed(args: tuple) -> float:
        count = next(calls)
        call = learner.timed_call(check, args)
        which = TIMED_CALL(count=count)
        if call.error is not None:
            raise _Stop(lines([which, RAISED(error=call.error.summary())]), call.error.where)
        if call.inputs_changed:
            names = ", ".join(name for name, _ in check.examples[0].named_args) if check.examples else ""
            raise _Stop(lines([which, MUTATED(names=names)]))
        problem = check.verify(args, call.value)
        if problem is not None:
            raise _Stop(lines([which, problem]))
        return call.seconds

    clock = learner.baseline_clock(check)
    try:
        result = timing.race(
            timed,
            lambda args: check.baseline(*args),
            lambda k: check.prepare(generator, k),
            threshold=check.threshold,
            device=check.device,
            pairs=check.pairs,
            warmup=check.warmup,
            max_rounds=check.max_rounds,
            threads=check.threads if check.device == "cpu" else None,
            flush_l2=check.device != "cpu",
            clock=clock,
        )
    except _Stop as stop:
        return RaceOutcome(problem=stop.problem, learner_where=stop.where)
    measured = "wall clock" if clock is timing.DEFAULT_CLOCK else "cpu time"
    report = result.to_dict() | {"baseline": check.baseline_name.render("en"), "clock": measured}
    if result.verdict == timing.PASSED:
        return RaceOutcome(timing=report)
    needed = f"{check.threshold:g}"
    if result.verdict == timing.FAILED:
        problem = NOT_FAST_ENOUGH(needed=needed, baseline=check.baseline_name, timing=result.message)
        return RaceOutcome(problem=problem, timing=report)
    skip = INCONCLUSIVE(needed=needed, rounds=result.rounds, timing=result.message)
    return RaceOutcome(skip=skip, timing=report)
